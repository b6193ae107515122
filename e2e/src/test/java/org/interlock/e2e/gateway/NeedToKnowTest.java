package org.interlock.e2e.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.interlock.contracts.PersonReference;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The need-to-know rules end to end: real Keycloak tokens of the demo personas, the gateway and
 * the four services running as they do in production, real Kafka and PostgreSQL.
 */
class NeedToKnowTest {

    private static final System.Logger LOG = System.getLogger(NeedToKnowTest.class.getName());
    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static String gateway;
    private static Casework casework;

    @BeforeAll
    static void startTheSystem() {
        gateway = TestStack.shared().gatewayUrl();
        casework = new Casework(gateway);
        casework.registerOrganisation(Casework.HORIZON, "Horizon Mentoring", "MENTORING");
        casework.registerOrganisation(Casework.FAITH_BRIDGE, "Faith Bridge", "FAITH");
    }

    /**
     * Both persons are referred to horizon-mentoring by their statutory lead and accepted for Mia;
     * only one consents. Mia sees that one's release date, as the mentors' projection, and nothing
     * of the other; Faith Bridge's caseworker, never referred either, sees nothing of anyone.
     */
    @Test
    void theMentorSeesTheReleaseDateOfAReferredPersonWhoConsentedAndNothingOfOneWhoDidNot() {
        GatewayClient mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        GatewayClient fred = GatewayClient.as(gateway, "fred.faith", "resettlement");
        String consenting = PersonReference.random();
        String other = PersonReference.random();
        String consentingEpisode = casework.receiveWithReleaseDate(consenting, "A1111AA");
        String otherEpisode = casework.receiveWithReleaseDate(other, "B2222BB");
        casework.referToMiaWithConsent(consenting, Casework.RELEASE_AND_LICENCE);
        casework.allocateStatutoryLead(other);
        casework.acceptForMia(casework.refer(other, Casework.HORIZON, Casework.RELEASE_AND_LICENCE,
                Casework.RESETTLEMENT), other);

        GatewayClient.Answer seen = mia.get("/api/v1/prisons/custody-episodes/" + consentingEpisode);
        assertEquals(200, seen.status(), String.valueOf(seen.body()));
        assertEquals("2026-12-01", seen.body().path("releaseDate").asText());
        // The mentors' agreement whitelists these: no id, prison number, establishment or security category.
        assertEquals(new TreeSet<>(List.of("person", "releaseDate", "releasedOn", "status")), keys(seen.body()));

        assertEquals(404, mia.get("/api/v1/prisons/custody-episodes/" + otherEpisode).status());
        assertEquals(404, fred.get("/api/v1/prisons/custody-episodes/" + consentingEpisode).status());
        assertEquals(0, fred.get("/api/v1/prisons/custody-episodes?person=" + consenting).body().size());
    }

    @Test
    void probationSeesThePrisonRiskAssessmentButNotIntelligenceWhichIntelligenceSees() {
        GatewayClient olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        GatewayClient peter = GatewayClient.as(gateway, "peter.probation", "risk-management");
        GatewayClient ian = GatewayClient.as(gateway, "ian.intel", "risk-management");
        String person = PersonReference.random();
        casework.receiveWithReleaseDate(person, "C3333CC");
        assertEquals(201, olivia.post("/api/v1/prisons/risk-assessments", Map.of("person", person,
                "assessedOn", "2026-02-01", "assessor", "olivia.prison", "engagement", "HIGH", "intent", "MODERATE",
                "capability", "LOW", "overall", "MODERATE", "rationale", "Structured assessment.")).status());
        casework.allocateStatutoryLead(person);
        assertEquals(201, ian.post("/api/v1/intelligence/reports", Map.of("person", person, "sourceEvaluation", 2,
                "intelligenceAssessment", "B", "handlingCode", "P", "content", "Met a known facilitator.",
                "reportedOn", "2026-03-04")).status());

        await().atMost(PROPAGATION).until(() -> peter.get("/api/v1/prisons/risk-assessments?person=" + person).body().size() == 1);
        assertEquals("MODERATE", peter.get("/api/v1/prisons/risk-assessments?person=" + person).body().get(0).path("overall").asText());
        assertEquals(0, peter.get("/api/v1/intelligence/reports?person=" + person).body().size());
        assertEquals(1, ian.get("/api/v1/intelligence/reports?person=" + person).body().size());

        GatewayClient ana = GatewayClient.as(gateway, "ana.analyst", "public-protection");
        assertEquals(1, ana.get("/api/v1/prisons/risk-assessments?person=" + person).body().size(),
                "the analyst agreement gives risk assessments");
        assertEquals(0, ana.get("/api/v1/intelligence/reports?person=" + person).body().size(),
                "but never full intelligence reports");
    }

    /** Logs the measured lag from the withdrawal's commit to the gateway's first refusal. */
    @Test
    void aWithdrawnConsentStopsDisclosureToTheMentor() {
        GatewayClient mia = GatewayClient.as(gateway, "mia.mentor", "resettlement");
        String person = PersonReference.random();
        String episode = casework.receiveWithReleaseDate(person, "D4444DD");
        String consent = casework.referToMiaWithConsent(person, List.of("custody.release"));
        assertEquals(200, mia.get("/api/v1/prisons/custody-episodes/" + episode).status());

        long withdrawn = System.nanoTime();
        assertEquals(200, mia.post("/api/v1/partners/consents/" + consent + "/withdraw",
                Map.of("withdrawnOn", LocalDate.now().toString())).status());
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20))
                .until(() -> mia.get("/api/v1/prisons/custody-episodes/" + episode).status() == 404);
        LOG.log(System.Logger.Level.INFO, "consent withdrawal effective at the gateway after {0} ms",
                (System.nanoTime() - withdrawn) / 1_000_000);
    }

    @Test
    void aRequestWithoutAPurposeIs400() {
        GatewayClient noPurpose = GatewayClient.as(gateway, "olivia.prison", null);
        GatewayClient.Answer answer = noPurpose.get("/api/v1/prisons/custody-episodes?person=" + PersonReference.random());
        assertEquals(400, answer.status());
        assertEquals("urn:interlock:problem:malformed-request", answer.body().path("type").asText());
    }

    /** Only a genuine, current Keycloak token issued for the gateway is accepted. */
    @Test
    void aTokenThatIsNotAGenuineGatewayTokenIs401() {
        String path = "/api/v1/prisons/custody-episodes?person=" + PersonReference.random();
        String genuine = org.interlock.testing.KeycloakTokens.accessToken("olivia.prison");
        assertEquals(200, GatewayClient.withToken(gateway, genuine, "case-management").get(path).status());

        Map<String, String> refused = Map.of(
                "no token", "",
                "re-signed with another key", org.interlock.testing.TestTokens.resigned(genuine),
                "alg none", org.interlock.testing.TestTokens.withoutSignature(genuine),
                "another issuer (master realm)", org.interlock.testing.KeycloakTokens.masterRealmAdminToken(),
                "another audience (a service's own token)",
                org.interlock.testing.KeycloakTokens.clientToken("interlock-prisons", "dev-prisons-secret"));
        refused.forEach((kind, token) -> assertEquals(401, GatewayClient.withToken(gateway,
                token.isEmpty() ? null : token, "case-management").get(path).status(), kind));
    }

    private static Set<String> keys(JsonNode record) {
        Set<String> keys = new TreeSet<>();
        record.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
