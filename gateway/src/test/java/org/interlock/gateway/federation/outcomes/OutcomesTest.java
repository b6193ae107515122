package org.interlock.gateway.federation.outcomes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.FederationKeys;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * What works, not who: the exchange tallies ended interventions once each; the single point of contact publishes
 * an ended period to the peers an agreement permits, small cells suppressed; a peer's table is checked cell by cell
 * and shown beside this deployment's own, which is suppressed as it would be published.
 */
@QuarkusTest
@TestProfile(OutcomesProfile.class)
@QuarkusTestResource(GatewayResource.class)
class OutcomesTest {

    @Inject
    OutcomeTally tally;

    private static final String OUTCOMES = "/federation/v1/outcomes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPOC = TestTokens.person("ian.intel", "intelligence", null, "secret",
            "intelligence-officer", "federation-spoc");
    private static final String ANALYST = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    private static final String OFFICER = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");

    /** An intervention type no other test counts, so each test reads its own rows of a shared period. */
    private static String freshType() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void tallied(String origin, String type, String endedOn, String outcome, int times) {
        for (int i = 0; i < times; i++) {
            TestDatabase.execute(GatewayResource.DATABASE, "INSERT INTO federation.intervention_outcomes VALUES ('"
                    + origin + "', '" + UUID.randomUUID() + "', '" + type + "', '" + endedOn + "', '" + outcome + "')");
        }
    }

    private static long mark() {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT next_sequence FROM audit.log_state");
    }

    private static long records(long mark, String action, String outcome) {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records WHERE sequence >= "
                + mark + " AND action = '" + action + "' AND convert_from(leaf, 'UTF8') LIKE '%" + outcome + "%'");
    }

    private static Response publish(String token, Object period) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("period", period))
                .post(OUTCOMES + "/publications");
    }

    private static Response read(String token, String period) {
        return given().auth().oauth2(token).queryParam("period", period).get(OUTCOMES);
    }

    private static JsonNode cell(JsonNode cells, String type, String outcome) {
        for (JsonNode cell : cells) {
            if (type.equals(cell.path("interventionType").asText()) && outcome.equals(cell.path("outcome").asText())) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + type + " " + outcome + " in " + cells);
    }

    private static void assertPeriodProblem(Response answer) {
        assertEquals(422, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:validation-failed", answer.jsonPath().getString("type"));
        assertEquals("period", answer.jsonPath().getString("errors[0].field"));
    }

    private static String outcomeRecorded(String intervention, String person, String type, String status,
            String endedOn) {
        return """
                {"id":"%s","person":"%s","type":"%s","providerAgency":"prisons","organisation":null,
                 "startsOn":"2026-01-05","endsOn":"2026-03-30","arrangedBy":"olivia.prison","status":"%s",
                 "endedOn":"%s","outcomeNotes":"never tallied","outcomeBy":"olivia.prison"}"""
                .formatted(intervention, person, type, status, endedOn);
    }

    private static void outcomeEvent(String intervention, String type, String status) {
        String person = PersonReference.random();
        TopicWriter.send("interlock.prisons.events", person,
                outcomeRecorded(intervention, person, type, status, "2026-03-10"),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.prisons.intervention.outcome-recorded.v1", "/agencies/prisons", person,
                        "intervention", "official"));
    }

    /** nl's publication of a period, signed by nl and posted to this gateway's peer interface. */
    private static Response fromNl(String period, ArrayNode cells) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/nl")
                .put("type", EnvelopeTypes.OUTCOMES)
                .put("subject", "outcomes/" + period)
                .put("time", Instant.now().toString());
        event.putObject("data").put("period", period).set("cells", cells);
        String compact = FederationKeys.signer("nl", FederationKeys.NL)
                .sign(new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty()),
                        FederationKeys.nextSequence()).compact();
        return given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post("/federation/v1/envelopes");
    }

    private static ArrayNode cells(Object... typeOutcomeCount) {
        ArrayNode cells = JSON.createArrayNode();
        for (int i = 0; i < typeOutcomeCount.length; i += 3) {
            ObjectNode cell = cells.addObject().put("interventionType", (String) typeOutcomeCount[i])
                    .put("outcome", (String) typeOutcomeCount[i + 1]);
            if (typeOutcomeCount[i + 2] == null) {
                cell.put("suppressed", true);
            } else {
                cell.put("count", (Integer) typeOutcomeCount[i + 2]);
            }
        }
        return cells;
    }

    private static long storedFromNl(String period) {
        return TestDatabase.number(GatewayResource.DATABASE,
                "SELECT count(*) FROM federation.peer_outcomes WHERE peer = 'nl' AND period = '" + period + "'");
    }

    @Test
    void oneInterventionsOutcomesInOneBatchAreTalliedOnceTheLastOneCounting() {
        String type = freshType();
        UUID intervention = UUID.randomUUID();
        LocalDate ended = LocalDate.parse("2026-03-10");

        // Two events of one intervention in one poll: a single upsert touching a row twice is refused by
        // PostgreSQL, which abandoned the exchange's batch for ever.
        tally.record(List.of(new EndedIntervention(Agency.PRISONS, intervention, type, ended, "NOT_COMPLETED"),
                new EndedIntervention(Agency.PRISONS, intervention, type, ended, "COMPLETED")));

        assertEquals("COMPLETED", TestDatabase.text(GatewayResource.DATABASE, "SELECT outcome FROM"
                + " federation.intervention_outcomes WHERE intervention_id = '" + intervention + "'"));
    }

    @Test
    void anInterventionSeenAgainIsCountedOnceWithItsLatestOutcomeAndNothingOfThePerson() {
        String type = freshType();
        String intervention = UUID.randomUUID().toString();
        outcomeEvent(intervention, type, "NOT_COMPLETED");
        await().atMost(Duration.ofSeconds(90)).until(() -> TestDatabase.number(GatewayResource.DATABASE,
                "SELECT count(*) FROM federation.intervention_outcomes WHERE intervention_type = '" + type + "'") == 1);
        outcomeEvent(intervention, type, "COMPLETED");
        outcomeEvent(intervention, type, "COMPLETED");

        await().atMost(Duration.ofSeconds(90)).until(() -> "COMPLETED".equals(TestDatabase.text(
                GatewayResource.DATABASE, "SELECT outcome FROM federation.intervention_outcomes WHERE intervention_id = '"
                        + intervention + "'")));
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE,
                "SELECT count(*) FROM federation.intervention_outcomes WHERE intervention_type = '" + type + "'"));
        assertEquals("prisons|" + type + "|2026-03-10|COMPLETED", TestDatabase.text(GatewayResource.DATABASE,
                "SELECT concat_ws('|', origin, intervention_type, ended_on, outcome) FROM federation.intervention_outcomes"
                        + " WHERE intervention_id = '" + intervention + "'"));
    }

    @Test
    void aPublicationGoesOnlyWhereAgreementsPermitEveryArrangingAgencysCountsWithSmallCellsSuppressed() {
        String small = freshType();
        String large = freshType();
        tallied("prisons", small, "2026-02-14", "COMPLETED", 7);
        tallied("prisons", small, "2026-02-15", "NOT_COMPLETED", 2);
        tallied("prisons", large, "2026-01-20", "COMPLETED", 12);
        tallied("probation", large, "2026-01-21", "COMPLETED", 100);
        long mark = mark();

        Response answer = publish(SPOC, "2026-Q1");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("2026-Q1", answer.jsonPath().getString("period"));
        assertEquals(List.of("de", "nl"), answer.jsonPath().getList("peers.peer"));
        assertEquals(List.of("refused", "sent"), answer.jsonPath().getList("peers.outcome"));
        assertEquals(List.of("prisons", "probation"), answer.jsonPath().getList("peers[1].agencies"));
        long seq = answer.jsonPath().getLong("peers[1].sequence");
        JsonNode event = queued(seq).path("event");
        assertEquals(EnvelopeTypes.OUTCOMES, event.path("type").asText());
        assertEquals("outcomes/2026-Q1", event.path("subject").asText(), "outcomes are about no person");
        JsonNode cells = event.path("data").path("cells");
        assertEquals(JSON.createObjectNode().put("interventionType", small).put("outcome", "COMPLETED")
                .put("suppressed", true), cell(cells, small, "COMPLETED"), "hidden beside the small one");
        assertEquals(JSON.createObjectNode().put("interventionType", small).put("outcome", "NOT_COMPLETED")
                .put("suppressed", true), cell(cells, small, "NOT_COMPLETED"), "small: never a number");
        assertEquals(112, cell(cells, large, "COMPLETED").path("count").asInt(), "both agencies' counts, added up");
        assertEquals(0, cell(cells, large, "NOT_COMPLETED").path("count").asInt());
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox"
                + " WHERE seq >= " + mark + " AND payload LIKE '%" + small + "%'"), "queued for nl only");
        assertEquals(2, records(mark, "PUBLISH_OUTCOMES", "federation:nl"), "one decision per agreement");
        assertTrue(records(mark, "PUBLISH_OUTCOMES", "federation:de") >= 1,
                "de's agreement covers prisons only: one table for every peer or none, so nothing, recorded");
        assertEquals(1, records(mark, "SEND_ENVELOPE", "federation:nl"));
        assertEquals(0, records(mark, "SEND_ENVELOPE", "federation:de"));
    }

    private static JsonNode queued(long seq) {
        try {
            return JSON.readTree(TestDatabase.text(GatewayResource.DATABASE,
                    "SELECT payload FROM federation.outbox WHERE seq = " + seq));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheSinglePointOfContactPublishes() {
        long queued = TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox");

        Response answer = publish(ANALYST, "2026-Q1");

        assertEquals(403, answer.statusCode(), answer.asString());
        assertEquals(queued, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox"));
    }

    @Test
    void aPeriodThatIsNotAQuarterOrAMonthOrHasNotEndedIsAProblem() {
        for (String bad : List.of("2026-Q5", "2026-13", "2026-9", "last-quarter", "2026-Q1 ")) {
            assertPeriodProblem(publish(SPOC, bad));
            assertPeriodProblem(read(ANALYST, bad));
        }
        assertPeriodProblem(publish(SPOC, "2999-Q1"));
        assertPeriodProblem(read(ANALYST, null));
        assertPeriodProblem(publish(SPOC, "2026-02"));
        assertPeriodProblem(read(ANALYST, "2026-02"));
        LocalDate today = OutcomesPublisher.today();
        assertPeriodProblem(read(ANALYST, today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1)));
    }

    @Test
    void aPeriodGoesToAPeerOnceSoThatNoTwoTablesOfItCanBeSubtracted() {
        String type = freshType();
        tallied("prisons", type, "2025-11-03", "COMPLETED", 9);
        assertEquals(List.of("refused", "sent"), publish(SPOC, "2025-Q4").jsonPath().getList("peers.outcome"));
        tallied("prisons", type, "2025-11-04", "NOT_COMPLETED", 1);
        long queued = TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox");

        Response again = publish(SPOC, "2025-Q4");

        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(List.of("refused", "already-published"), again.jsonPath().getList("peers.outcome"));
        assertEquals(queued, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox"),
                "a late outcome never leaves in a second table of the period");
    }

    @Test
    void aPeersTableIsShownBesideOursWhichIsSuppressedAsItWouldBePublishedAndTheReadIsAudited() {
        String type = freshType();
        tallied("prisons", type, "2026-04-03", "COMPLETED", 3);
        tallied("probation", type, "2026-04-09", "NOT_COMPLETED", 9);
        assertEquals(200, fromNl("2026-Q2", cells(type, "COMPLETED", 40, type, "NOT_COMPLETED", null)).statusCode());
        Response newer = fromNl("2026-Q2", cells(type, "COMPLETED", 41, type, "NOT_COMPLETED", 6));
        assertEquals(200, newer.statusCode(), newer.asString());
        long mark = mark();

        Response answer = read(ANALYST, "2026-Q2");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode tables = answer.as(JsonNode.class);
        assertEquals(5, tables.path("minimumCell").asInt());
        JsonNode own = tables.path("own");
        assertTrue(cell(own, type, "COMPLETED").path("suppressed").asBoolean(), "3 is small, at home too");
        assertTrue(cell(own, type, "COMPLETED").path("count").isNull());
        assertTrue(cell(own, type, "NOT_COMPLETED").path("suppressed").asBoolean(), "9 would give the 3 away");
        JsonNode nl = tables.path("peers").get(0);
        assertEquals("nl", nl.path("peer").asText());
        assertEquals(41, cell(nl.path("cells"), type, "COMPLETED").path("count").asInt(), "the newer replaced");
        assertEquals(6, cell(nl.path("cells"), type, "NOT_COMPLETED").path("count").asInt());
        assertEquals(1, records(mark, "READ_OUTCOMES", "ana.analyst"));
    }

    @Test
    void onlyAnalystsManagersAndTheContactPointRead() {
        assertEquals(403, read(OFFICER, "2026-Q2").statusCode());
    }

    @Test
    void aTableWithAnyCellWrongIsRefusedWholeAsMalformed() {
        String type = freshType();
        ArrayNode both = cells(type, "COMPLETED", 8);
        ((ObjectNode) both.get(0)).put("suppressed", true);
        ArrayNode extra = cells(type, "COMPLETED", 8);
        ((ObjectNode) extra.get(0)).put("person", PersonReference.random());
        List<ArrayNode> malformed = List.of(
                cells(type, "COMPLETED", 8, type, "NOT_COMPLETED", 1),
                cells(type, "COMPLETED", 8, type, "COMPLETED", 9),
                cells(type, "COMPLETED", -5),
                cells("not a type", "COMPLETED", 8),
                both, extra);
        for (ArrayNode cells : malformed) {
            Response refused = fromNl("2026-05", cells);
            assertEquals(400, refused.statusCode(), cells.toString());
            assertEquals("urn:interlock:problem:federation:malformed", refused.jsonPath().getString("type"));
            assertTrue(refused.jsonPath().getString("detail").contains(": outcomes: "), refused.asString());
        }
        assertEquals(400, fromNl("2026-Q9", cells(type, "COMPLETED", 8)).statusCode());
        assertEquals(400, fromNl("2999-Q1", cells(type, "COMPLETED", 8)).statusCode(), "a period not ended");
        assertEquals(400, fromNl("1999-Q1", cells(type, "COMPLETED", 8)).statusCode(), "nor one long gone");
        assertEquals(0, storedFromNl("2026-05"));
    }
}
