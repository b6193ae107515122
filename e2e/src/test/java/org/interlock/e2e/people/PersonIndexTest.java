package org.interlock.e2e.people;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.e2e.gateway.Casework;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's acceptance through the gateway with real Keycloak tokens: prisons knows a person by a
 * prison number, probation opens a case under a CRN with the name misspelt; the index proposes the
 * link (as it does when the practitioner copies the prison number: nobody's word links people), an
 * identity manager confirms it, and probation's practitioner then reads the prison's record of that
 * person; an unmerge takes it away again. Each step is in the audit log.
 */
class PersonIndexTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static String gateway;
    private static Casework casework;

    @BeforeAll
    static void startTheSystem() {
        gateway = TestStack.shared().gatewayUrl();
        casework = new Casework(gateway);
    }

    @Test
    void aConfirmedLinkGivesTheLeadThePrisonsRecordAndAnUnmergeTakesItAway() {
        GatewayClient olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "case-management");
        GatewayClient tara = GatewayClient.as(gateway, "tara.probationlead", "case-management");
        GatewayClient auditor = GatewayClient.as(gateway, "aud.auditor", null);
        Random random = new Random();
        String prisonNumber = "A%04dBC".formatted(random.nextInt(10_000));
        String crn = "X%06d".formatted(random.nextInt(1_000_000));
        String family = "Qadirov" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
        String inPrison = PersonReference.random();
        String onProbation = PersonReference.random();

        String episode = casework.receiveWithReleaseDate(inPrison, prisonNumber);
        casework.allocateOffenderManager(inPrison);
        assertEquals(201, olivia.post("/api/v1/people/identities", identity(inPrison, "prison-number:" + prisonNumber,
                "Mohammed", family)).status());
        casework.allocateStatutoryLead(onProbation);
        assertEquals(404, peter.get("/api/v1/prisons/custody-episodes/" + episode).status(), "not yet one person");
        assertEquals(404, peter.get("/api/v1/people/persons?identifier=prison-number:" + prisonNumber).status());

        GatewayClient.Answer asserted = peter.post("/api/v1/people/identities", identity(onProbation, "crn:" + crn,
                "Muhamad", family));
        assertEquals(201, asserted.status(), String.valueOf(asserted.body()));
        assertEquals("RECORDED", asserted.body().path("outcome").asText(), "the answer tells nothing of matches");
        assertEquals(403, peter.get("/api/v1/people/reviews").status(), "reviews are for identity managers");
        GatewayClient.Answer copied = peter.post("/api/v1/people/identities", identity(onProbation,
                "prison-number:" + prisonNumber, "Muhamad", family));
        assertEquals(201, copied.status(), String.valueOf(copied.body()));
        assertEquals(404, peter.get("/api/v1/prisons/custody-episodes/" + episode).status(), "still not one person");
        assertEquals(403, peter.post("/api/v1/people/identities", identity(inPrison, "crn:" + crn, "Mohammed", family))
                .status(), "nobody asserts identities of a person on no caseload of theirs");

        JsonNode review = reviewOf(tara, onProbation);
        GatewayClient.Answer confirmed = tara.post("/api/v1/people/reviews/" + review.path("id").asText() + "/confirm",
                Map.of());
        assertEquals(200, confirmed.status(), String.valueOf(confirmed.body()));
        String merge = confirmed.body().path("merge").asText();

        await().atMost(PROPAGATION).until(() -> peter.get("/api/v1/prisons/custody-episodes/" + episode).status() == 200);
        assertEquals(200, peter.get("/api/v1/people/persons?identifier=prison-number:" + prisonNumber).status());
        JsonNode disclosures = auditor.get("/audit/v1/persons/" + onProbation + "/disclosures").body().path("records");
        assertTrue(actions(disclosures).contains("DISCLOSE_REST peter.probation " + inPrison),
                "the practitioner's read of the prison's record is among the disclosures of the survivor: " + disclosures);

        assertEquals(200, tara.post("/api/v1/people/merges/" + merge + "/unmerge",
                Map.of("reason", "Two people: confirmed with the prison")).status());
        await().atMost(PROPAGATION).until(() -> peter.get("/api/v1/prisons/custody-episodes/" + episode).status() == 404);

        List<String> changes = actions(auditor.get("/audit/v1/records?action=CHANGE_REST&actor=tara.probationlead")
                .body().path("records"));
        assertTrue(changes.stream().filter(c -> c.startsWith("CHANGE_REST tara.probationlead")).count() >= 2,
                "the confirmation and the unmerge are audited: " + changes);
    }

    private static Map<String, Object> identity(String person, String identifier, String given, String family) {
        return Map.of("person", person, "identifiers", List.of(identifier),
                "name", Map.of("given", given, "family", family), "dateOfBirth", "1990-04-12");
    }

    private static JsonNode reviewOf(GatewayClient manager, String person) {
        await().atMost(PROPAGATION).until(() -> find(manager, person) != null);
        return find(manager, person);
    }

    private static JsonNode find(GatewayClient manager, String person) {
        for (JsonNode item : manager.get("/api/v1/people/reviews").body()) {
            if (person.equals(item.path("person").asText()) || person.equals(item.path("candidate").asText())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> actions(JsonNode records) {
        return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                .map(r -> r.path("record"))
                .map(r -> r.path("action").asText() + " " + r.path("actor").path("subject").asText() + " "
                        + r.path("resource").path("person").asText())
                .toList();
    }
}
