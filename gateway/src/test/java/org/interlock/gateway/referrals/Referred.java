package org.interlock.gateway.referrals;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.arc.Arc;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.testing.AgencyTopics;

/**
 * "This partner works with this person", as the trust model of ADR 0011 makes it so: probation's
 * officer refers the person to the organisation, its partner manager accepts and allocates the
 * caseworker. Each step is written to the topics as the services publish it and waited for until
 * the gateway's views hold it, so that a test decides on what it names and not on a view's lag.
 */
public final class Referred {

    private static final Duration SEEN = Duration.ofSeconds(30);

    private Referred() {
    }

    /** An accepted referral of the person to the organisation, in force in the gateway's view. */
    public static AgencyTopics.Referral accepted(String person, String organisation, String caseworker,
            List<String> categories, List<String> purposes) {
        AgencyTopics.Referral referral = AgencyTopics.acceptedReferral(person, organisation, caseworker, categories,
                purposes);
        ReferralView view = Arc.container().instance(ReferralView.class).get();
        await("the referral in force at the gateway").atMost(SEEN)
                .until(() -> view.inForce(person, organisation, Instant.now()).stream()
                        .anyMatch(r -> r.id().equals(referral.id())));
        return referral;
    }

    /**
     * The caseworker works with the person: referred for these categories (resettlement), accepted,
     * and allocated by the organisation's partner manager; the gateway's caseload includes them.
     */
    public static AgencyTopics.Referral caseworkerWorksWith(String caseworker, String organisation, String person,
            String... categories) {
        AgencyTopics.Referral referral = accepted(person, organisation, caseworker, List.of(categories),
                List.of("resettlement"));
        allocatedByTheirManager(caseworker, organisation, person);
        return referral;
    }

    /** The caseworker allocated to the person by the organisation's partner manager, in the gateway's caseload. */
    public static void allocatedByTheirManager(String caseworker, String organisation, String person) {
        AgencyTopics.partnerAllocation(caseworker, person, organisation);
        AllocationCaseload caseload = Arc.container().instance(AllocationCaseload.class).get();
        await("the allocation in the gateway's caseload").atMost(SEEN)
                .until(() -> caseload.includes(caseworker, person));
    }
}
