package org.interlock.e2e.conference;

import static org.awaitility.Awaitility.await;
import static org.interlock.e2e.gateway.Problems.FORBIDDEN;
import static org.interlock.e2e.gateway.Problems.NOT_FOUND;
import static org.interlock.e2e.gateway.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Auditor;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.DecisionPoint;
import org.interlock.e2e.gateway.DecisionPoint.Subject;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.e2e.gateway.SystemOfRecord;
import org.interlock.testing.TestStack;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case conference through the gateway with the realm's tokens (ADR 0019): a probation officer
 * cannot convene one; the team manager does, and each invitee then reads the pack (another
 * agency's records about the person, for public protection) while nobody else does; an action
 * reaches the inbox of the organisation that owns it and no other; a cancellation closes every
 * pack. The auditor sees each step.
 */
class CaseConferenceTest {

    private static final Subject IAN = new Subject("ian.intel", "intelligence", null, "secret",
            List.of("intelligence-officer"));

    private static String gateway;
    private static Casework casework;
    private static DecisionPoint decisionPoint;
    private static Auditor auditor;

    @BeforeAll
    static void theOrganisationsAreRegistered() {
        gateway = TestStack.shared().gatewayUrl();
        casework = new Casework(gateway);
        decisionPoint = casework.decisionPoint();
        auditor = new Auditor(gateway);
        casework.registerOrganisation(Casework.HORIZON, "Horizon Mentoring", "MENTORING");
        casework.registerOrganisation(Casework.FAITH_BRIDGE, "Faith Bridge", "FAITH");
    }

    @Test
    void theInviteesReadThePackWhileTheConferenceStandsAndTheActionReachesItsOwnerOnly() {
        GatewayClient tara = GatewayClient.as(gateway, "tara.probationlead", "public-protection");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "public-protection");
        GatewayClient ian = GatewayClient.as(gateway, "ian.intel", "public-protection");
        GatewayClient fred = GatewayClient.as(gateway, "fred.faith", "public-protection");
        String person = PersonReference.random();
        String episode = casework.receiveWithReleaseDate(person, "G7777GG");
        String episodePath = "/api/v1/prisons/custody-episodes/" + episode;
        assertProblem(ian.get(episodePath), 404, NOT_FOUND);

        assertProblem(peter.post("/api/v1/probation/conferences", convention(person)), 403, FORBIDDEN);
        assertEquals(0, SystemOfRecord.read("probation", "conferences?person=" + person).size(), "conferences recorded");

        GatewayClient.Answer convened = tara.post("/api/v1/probation/conferences", convention(person));
        assertEquals(201, convened.status(), String.valueOf(convened.body()));
        String conference = convened.body().path("id").asText();
        decisionPoint.awaitRead(IAN, "prisons", "custody.reception", person, "public-protection",
                DecisionPoint.Verdict::permits);

        assertEquals(200, ian.get(episodePath).status(), "the invited intelligence officer reads the pack");
        assertProblem(GatewayClient.as(gateway, "ian.intel", "case-management").get(episodePath), 404, NOT_FOUND);
        assertProblem(fred.get("/api/v1/probation/conferences/" + conference), 404, NOT_FOUND);

        try (TopicRecorder partners = new TopicRecorder("interlock.inbox.partners");
                TopicRecorder prisons = new TopicRecorder("interlock.inbox.prisons")) {
            GatewayClient.Answer action = tara.post("/api/v1/probation/conferences/" + conference + "/actions",
                    Map.of("owner", "org:horizon-mentoring", "assignee", "mia.mentor",
                            "description", "Offer a mentoring session before release",
                            "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString()));
            assertEquals(201, action.status(), String.valueOf(action.body()));
            await().atMost(Duration.ofSeconds(60)).until(() -> !partners.about(person).isEmpty());
            ConsumerRecord<String, String> copy = partners.about(person).getFirst();
            assertEquals("horizon-mentoring", TopicRecorder.header(copy, "ce_recipient"));
            assertTrue(copy.value().contains("Offer a mentoring session"), copy.value());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> partners.about(person).size() == 1);
            assertEquals(List.of(), prisons.about(person).stream()
                    .filter(r -> r.value().contains("mentoring session")).toList(), "the prison service's inbox");
        }

        assertEquals(200, peter.post("/api/v1/probation/conferences/" + conference + "/cancel",
                Map.of("reason", "moved to a level 3 meeting")).status());
        decisionPoint.awaitRead(IAN, "prisons", "custody.reception", person, "public-protection",
                verdict -> !verdict.permits());
        assertProblem(ian.get(episodePath), 404, NOT_FOUND);

        // Refused before the invitation and after the cancellation (no agreement gives him anything),
        // refused for a purpose the pack is not for, permitted in between.
        assertEquals(List.of("DISCLOSE_REST ian.intel DENY NO_AGREEMENT", "DISCLOSE_REST ian.intel DENY NO_AGREEMENT",
                "DISCLOSE_REST ian.intel DENY PURPOSE_NOT_ALLOWED", "DISCLOSE_REST ian.intel PERMIT agreement"),
                auditor.actsOf("ian.intel", person));
        assertEquals(List.of("prisons-conference-pack"), auditor.records("person=" + person + "&actor=ian.intel").stream()
                .filter(entry -> "PERMIT".equals(entry.outcome()))
                .map(entry -> entry.record().path("agreement").asText()).toList());
        assertEquals("CHANGE_REST peter.probation DENY NOT_AUTHORISED",
                auditor.actsOf("peter.probation", person).getFirst());
    }

    private static Map<String, Object> convention(String person) {
        return Map.of("person", person,
                "meetsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString(),
                "chair", "tara.probationlead",
                "invitees", List.of("olivia.prison", "ian.intel", "mia.mentor"),
                "organisations", List.of("prisons", "intelligence", "org:horizon-mentoring"),
                "purpose", "MAPPA level 2: risk before release");
    }
}
