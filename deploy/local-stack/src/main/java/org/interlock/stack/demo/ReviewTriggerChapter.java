package org.interlock.stack.demo;

import static org.interlock.stack.demo.DemoScenario.await;
import static org.interlock.stack.demo.DemoScenario.say;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's review trigger (ADR 0015): the mentor raises a concern, the person misses a supervision
 * appointment, and the rule "a partner concern and a missed appointment within 14 days" fires to
 * probation's inbox for peter.probation, the person's statutory lead; the auditor sees the firing.
 */
final class ReviewTriggerChapter {

    private final String gateway;
    private final String keycloak;

    ReviewTriggerChapter(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** Plays the chapter: the id of the notice probation's inbox received. */
    String run(DemoScenario.Outcome outcome) {
        DemoClient mia = DemoClient.as(gateway, keycloak, "mia.mentor", "resettlement");
        DemoClient peter = DemoClient.as(gateway, keycloak, "peter.probation", "case-management");
        DemoClient auditor = DemoClient.as(gateway, keycloak, "aud.auditor", "oversight");
        String person = outcome.person();
        DemoClient.expect(201, mia.post("/api/v1/partners/activities", Map.of("person", person,
                "organisation", "horizon-mentoring", "kind", "CONCERN_RAISED", "occurredOn", LocalDate.now().toString(),
                "reportedBy", "mia.mentor", "notes", "Did not come to the session; said he had been told not to.")),
                "concern");
        DemoClient.expect(201, peter.post("/api/v1/probation/supervision-cases/" + outcome.supervisionCase()
                + "/appointments", Map.of("dueAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                "outcome", "MISSED_UNACCEPTABLE")), "missed appointment");
        say("mia.mentor raised a concern; peter.probation recorded a missed appointment");
        JsonNode fired = await(() -> firing(auditor, person), "the review trigger to fire");
        say("review trigger " + fired.path("decision").path("reason").asText() + " fired to "
                + fired.path("actor").path("agency").asText() + "'s inbox for its statutory lead (audited, "
                + fired.path("action").asText() + ")");
        return fired.path("requestId").asText();
    }

    /** The permitted REVIEW_TRIGGER record about the person, as the auditor reads it. */
    private static JsonNode firing(DemoClient auditor, String person) {
        DemoClient.Answer records = auditor.get("/audit/v1/records?person=" + person + "&action=REVIEW_TRIGGER&outcome=permit");
        if (records.status() != 200 || records.body().path("records").isEmpty()) {
            return null;
        }
        return records.body().path("records").get(0).path("record");
    }
}
