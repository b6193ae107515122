package org.interlock.gateway.topics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.restrictions.RestrictionView;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * The views are built from the agencies' state topics, not their events (ADR 0012): a state
 * counts, a tombstone removes it, an event alone changes nothing, and a record that does not say
 * truly what it holds is left out.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ViewsFromStateTopicsTest {

    private static final Duration SEEN = Duration.ofSeconds(30);
    /** Long enough for a record written before a marker to have been read, had it counted. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String OLIVIA = "olivia.prison";

    @Inject
    AllocationCaseload caseload;

    @Inject
    RestrictionView restrictions;

    @Inject
    OrganisationDirectory organisations;

    @Test
    void anAllocationCountsWhileItsStateIsOnTheStateTopicAndItsTombstoneEndsIt() {
        String person = PersonReference.random();
        String id = AgencyTopics.allocation("prisons", OLIVIA, person);
        await().atMost(SEEN).until(() -> caseload.includes(OLIVIA, person));

        AgencyTopics.allocationEnded("prisons", id, OLIVIA, person);

        await().atMost(SEEN).until(() -> !caseload.includes(OLIVIA, person));
    }

    @Test
    void anAllocationOnTheEventsTopicAloneIsInNoCaseload() {
        String person = PersonReference.random();
        TopicWriter.send("interlock.prisons.events", person, allocation(UUID.randomUUID().toString(), person),
                started(person));
        String marker = PersonReference.random();
        AgencyTopics.allocation("prisons", OLIVIA, marker);
        await().atMost(SEEN).until(() -> caseload.includes(OLIVIA, marker));

        await().during(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> !caseload.includes(OLIVIA, person));
    }

    @Test
    void aStateWhoseKeyIsNotTheEntityItHoldsIsLeftOut() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.state", "allocation:" + UUID.randomUUID(), allocation(id, person),
                started(person));
        TopicWriter.send("interlock.prisons.state", "restriction:" + id, allocation(id, person), started(person));
        String marker = PersonReference.random();
        AgencyTopics.allocation("prisons", OLIVIA, marker);
        await().atMost(SEEN).until(() -> caseload.includes(OLIVIA, marker));

        await().during(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> !caseload.includes(OLIVIA, person));
    }

    @Test
    void aTombstoneOnAnotherAgencysStateTopicEndsNothing() {
        String person = PersonReference.random();
        String id = AgencyTopics.allocation("prisons", OLIVIA, person);
        await().atMost(SEEN).until(() -> caseload.includes(OLIVIA, person));

        AgencyTopics.tombstone("probation", "allocation", id);
        await().during(QUIET).atMost(QUIET.plusSeconds(1)).until(() -> caseload.includes(OLIVIA, person));

        AgencyTopics.tombstone("prisons", "allocation", id);
        await().atMost(SEEN).until(() -> !caseload.includes(OLIVIA, person));
    }

    @Test
    void aLiftedRestrictionLeavesTheViewAndAnOrganisationIsAsItsLatestState() {
        String person = PersonReference.random();
        String id = AgencyTopics.restriction("prisons", person, "tom.prisonlead", OLIVIA);
        await().atMost(SEEN).until(() -> restrictions.restrictedTo(Agency.PRISONS, person).equals(
                java.util.Optional.of(Set.of(OLIVIA))));
        AgencyTopics.restrictionLifted("prisons", id, person, "tom.prisonlead", OLIVIA);
        await().atMost(SEEN).until(() -> restrictions.restrictedTo(Agency.PRISONS, person).isEmpty());

        String organisation = "state-trust-" + UUID.randomUUID().toString().substring(0, 8);
        AgencyTopics.organisation(organisation, "ACTIVE", "registered");
        await().atMost(SEEN).until(() -> organisations.isActive(organisation));
        AgencyTopics.organisation(organisation, "SUSPENDED", "suspended");
        await().atMost(SEEN).until(() -> organisations.isSuspended(organisation));
    }

    @Test
    void readinessSaysTheViewsHaveCaughtUpAndHowLongItTook() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Views caught up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Views caught up' }.data.stateCaughtUpMs", greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'Views caught up' }.data.feedCaughtUpMs", greaterThanOrEqualTo(0));
    }

    private static String allocation(String id, String person) {
        return """
                {"id":"%s","person":"%s","staff":"%s","role":"OFFENDER_MANAGER","startsOn":"2026-01-01","endsOn":null,
                 "allocatedBy":"tess.tester"}""".formatted(id, person, OLIVIA);
    }

    private static java.util.Map<String, String> started(String person) {
        return TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.prisons.allocation.started.v1",
                "/agencies/prisons", person, "allocation", "official");
    }
}
