package org.interlock.gateway.topics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.contracts.Agency;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.gateway.restrictions.RestrictionView;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;

/**
 * A gateway (re)started on topics that already hold what the agencies did (ADR 0012): it is not
 * ready while its views are still reading the state topics, and once it is ready they hold what is
 * in force and nothing that ended before it started, without waiting any longer.
 */
@QuarkusTest
@TestProfile(GatedStartProfile.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ViewsAfterRestartTest {

    static final String OLIVIA = "olivia.prison";
    static final String ENDED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000001";
    static final String ALLOCATED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000002";
    static final String CHURNED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000003";
    static final String UNRESTRICTED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000004";
    static final String RESTRICTED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000005";
    static final String WITHDRAWN = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000006";
    static final String REFERRED = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000007";
    static final String GATE = "urn:interlock:person:7a1d3c4e-0000-4000-8000-000000000008";
    static final String TRUST = "restart-trust";
    static final String SUSPENDED_TRUST = "restart-suspended-trust";
    private static final String CHECK = "checks.find { it.name == 'Views caught up' }";

    @Inject
    GatedView gate;

    @Inject
    AllocationCaseload caseload;

    @Inject
    RestrictionView restrictions;

    @Inject
    ReferralView referrals;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    StateTopicsReader state;

    @Test
    void notReadyWhileTheViewsReadTheStateTopicsAndOnceReadyTheyHoldWhatIsInForceAndNothingEnded() {
        try {
            await().atMost(Duration.ofSeconds(30)).until(gate::holding);
            given().get("/q/health/ready").then().statusCode(503)
                    .body(CHECK + ".status", equalTo("DOWN"));
            assertFalse(state.reader().caughtUp());
        } finally {
            gate.open();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(CHECK + ".status", equalTo("UP")));

        // Ready means complete: asked at once, not awaited.
        assertFalse(caseload.includes(OLIVIA, ENDED), "an allocation ended before the start is gone");
        assertTrue(caseload.includes(OLIVIA, ALLOCATED), "an allocation in force is there");
        assertFalse(caseload.includes(OLIVIA, CHURNED), HistoryBeforeStart.CHURN + " allocations started and ended");
        assertEquals(Optional.empty(), restrictions.restrictedTo(Agency.PRISONS, UNRESTRICTED));
        assertEquals(Optional.of(Set.of(OLIVIA)), restrictions.restrictedTo(Agency.PRISONS, RESTRICTED));
        assertEquals(0, referrals.inForce(WITHDRAWN, TRUST, Instant.now()).size(), "a withdrawn referral");
        assertEquals(1, referrals.inForce(REFERRED, TRUST, Instant.now()).size(), "an accepted referral");
        assertTrue(organisations.isActive(TRUST));
        assertTrue(organisations.isSuspended(SUSPENDED_TRUST));
        assertTrue(state.reader().recordsRead() >= 2L * HistoryBeforeStart.CHURN, "the whole state topic was read");
    }
}
