package org.interlock.e2e.gateway;

import static org.interlock.e2e.gateway.Problems.NOT_FOUND;
import static org.interlock.e2e.gateway.Problems.assertProblem;
import static org.interlock.e2e.gateway.Problems.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.Test;

/**
 * Break-glass as an oversight body reviews it (ADR 0009, issue 12): {@code peter.probation} reads
 * the custody record of a person not on his caseload, stating an emergency; the auditor finds the
 * open review of that read, closes it with a verdict, and the verdict is a record of the log.
 */
class BreakGlassReviewTest {

    private static final String REASON = "Reported near the victim's address; locating the person before licence";

    @Test
    void anAuditorClosesTheReviewOfABreakGlassReadAndTheVerdictIsInTheLog() {
        String gateway = TestStack.shared().gatewayUrl();
        Casework casework = new Casework(gateway);
        Auditor auditor = new Auditor(gateway);
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "public-protection");
        String person = PersonReference.random();
        String episode = casework.receiveWithReleaseDate(person, "H8888HH");

        assertProblem(peter.get("/api/v1/prisons/custody-episodes/" + episode), 404, NOT_FOUND);
        GatewayClient.Answer broken = peter.withHeader("X-Break-Glass-Reason", REASON)
                .get("/api/v1/prisons/custody-episodes/" + episode);
        assertEquals(200, broken.status(), String.valueOf(broken.body()));

        List<Auditor.Entry> breakGlass = auditor.records("person=" + person + "&breakGlass=true");
        assertEquals(List.of("DISCLOSE_REST peter.probation PERMIT break-glass"),
                breakGlass.stream().map(Auditor.Entry::summary).toList());
        long disclosure = breakGlass.getFirst().sequence();
        JsonNode review = only(auditor.reviews("open"), person);
        assertEquals(disclosure, review.path("disclosure").asLong(), review.toString());
        assertEquals("peter.probation", review.path("actor").path("subject").asText(), review.toString());
        assertEquals(REASON, review.path("reason").asText(), review.toString());

        GatewayClient.Answer closed = auditor.client().post("/audit/v1/reviews/" + disclosure,
                Map.of("verdict", "justified", "note", "Police confirmed the sighting; the read located the person."));

        assertEquals(200, closed.status(), String.valueOf(closed.body()));
        assertEquals("closed", closed.body().path("state").asText());
        assertEquals(List.of(), auditor.reviews("open").stream()
                .filter(r -> person.equals(r.path("person").asText())).toList());
        assertEquals("justified", only(auditor.reviews("closed"), person).path("verdict").asText());
        List<Auditor.Entry> verdicts = auditor.records("person=" + person + "&action=REVIEW_BREAK_GLASS");
        assertEquals(List.of("REVIEW_BREAK_GLASS aud.auditor PERMIT justified"),
                verdicts.stream().map(Auditor.Entry::summary).toList());
        assertEquals(Long.toString(disclosure), verdicts.getFirst().record().path("resource").path("id").asText());
        assertEquals(closed.body().path("verdictRecord").asLong(), verdicts.getFirst().sequence());
        assertRefused(auditor.client().post("/audit/v1/reviews/" + disclosure,
                Map.of("verdict", "unjustified", "note", "A second opinion.")), 409, "urn:interlock:problem:conflict");
    }

    private static JsonNode only(List<JsonNode> reviews, String person) {
        List<JsonNode> about = reviews.stream().filter(r -> person.equals(r.path("person").asText())).toList();
        assertEquals(1, about.size(), about.toString());
        return about.getFirst();
    }
}
