package org.interlock.e2e.federation;

import static org.awaitility.Awaitility.await;
import static org.interlock.e2e.federation.Deployments.CROSSED;
import static org.interlock.e2e.federation.Deployments.envelopeRecords;
import static org.interlock.e2e.gateway.Problems.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.e2e.gateway.GatewayClient;
import org.interlock.federation.envelope.EnvelopeSigner;
import org.interlock.federation.envelope.PayloadCodec;
import org.interlock.federation.envelope.SignedEnvelope;
import org.interlock.stack.demo.FederationScenario;
import org.interlock.testing.FederatedTestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two federated deployments, each as a country runs it (its own gateway, database, Kafka, realm, keys and audit
 * log), made as {@code deploy/stack up --federation} makes them: the scenario of {@code deploy/stack demo
 * federation} with what each side's auditor sees of it; a peer down for a minute loses nothing and holds
 * nothing twice; what is altered in transit, signed by a key home does not anchor, or replayed is refused and
 * audited by home; and a revoked anchor stops abroad's next envelope. Each test uses persons of its own, and
 * leaves both sides as it found them, so they pass in any order.
 */
class FederationEndToEndTest {

    private static final String PROBLEM = "urn:interlock:problem:federation:";
    private static final Duration PEER_DOWN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Abroad's agreement (deploy/federation/cross-border-agreements.yaml) that sends a released summary home. */
    private static final String SUMMARIES_TO_HOME = "intelligence-summaries-to-home";

    private static Deployments sides;

    @BeforeAll
    static void start() {
        sides = new Deployments();
    }

    @Test
    void theScenarioCrossesAndEachSidesAuditorSeesWhatCrossedAboutThePerson() {
        FederationScenario.Outcome outcome = sides.scenario.run();
        String person = outcome.person();

        List<JsonNode> held = sides.awaitHeldAtHome(person, 2);
        assertEquals(2, held.size(), "the summary and the answer, nothing else: " + held);
        assertEquals(List.of(outcome.summaryItem(), outcome.answerItem()).stream().sorted().toList(),
                held.stream().map(item -> item.path("itemId").asText()).sorted().toList());
        held.forEach(item -> assertEquals("abroad", item.path("peer").asText(), item.toString()));

        // abroad sent the summary and the answer and received the request; home the reverse.
        await().atMost(CROSSED).until(() -> envelopeRecords(sides.abroadAuditor, person).size() == 3
                && envelopeRecords(sides.homeAuditor, person).size() == 3);
        assertEquals(List.of(
                "RECEIVE_ENVELOPE PERMIT accepted from federation:home",
                "SEND_ENVELOPE PERMIT queued to federation:home by agreement " + SUMMARIES_TO_HOME,
                "SEND_ENVELOPE PERMIT queued to federation:home by ian.intel.abroad"),
                envelopeRecords(sides.abroadAuditor, person), "the request in; the summary and the answer out");
        assertEquals(List.of(
                "RECEIVE_ENVELOPE PERMIT accepted from federation:abroad",
                "RECEIVE_ENVELOPE PERMIT accepted from federation:abroad",
                "SEND_ENVELOPE PERMIT queued to federation:abroad by peter.probation"),
                envelopeRecords(sides.homeAuditor, person), "the summary and the answer in; the request out");
        assertEquals(List.of("ASK_PEER PERMIT probation-requests-to-abroad"),
                sides.homeAuditor.records("person=" + person + "&action=ASK_PEER").stream()
                        .map(entry -> entry.action() + " " + entry.outcome() + " "
                                + entry.record().path("agreement").asText()).toList(),
                "the request left under home's agreement, decided like any disclosure");
    }

    @Test
    void aPeerDownForAMinuteLosesNothingAndHoldsEachItemOnce() throws Exception {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String person = "urn:interlock:person:" + UUID.randomUUID();
            sides.scenario.onPetersCaseload(person);
            persons.add(person);
        }
        long down = System.nanoTime();
        sides.stack.kill(FederatedTestStack.HOME_GATEWAY);
        try {
            for (String person : persons) {
                sides.scenario.releaseSummary(person);
            }
            Thread.sleep(Math.max(0, PEER_DOWN.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
        } finally {
            sides.stack.restart(FederatedTestStack.HOME_GATEWAY);
        }

        for (String person : persons) {
            assertEquals(1, sides.awaitHeldAtHome(person, 1).size(), person);
            await().atMost(CROSSED).until(() -> !envelopeRecords(sides.homeAuditor, person).isEmpty());
            assertEquals(List.of("RECEIVE_ENVELOPE PERMIT accepted from federation:abroad"),
                    envelopeRecords(sides.homeAuditor, person), "received once, however often abroad tried");
            assertEquals(List.of("SEND_ENVELOPE PERMIT queued to federation:home by agreement " + SUMMARIES_TO_HOME),
                    envelopeRecords(sides.abroadAuditor, person), "sent once");
        }
    }

    @Test
    void anEnvelopeAlteredSignedByAnUnknownKeyOrReplayedIsRefusedAuditedAndNotHeld() throws Exception {
        String person = "urn:interlock:person:" + UUID.randomUUID();
        sides.scenario.onPetersCaseload(person);
        sides.scenario.releaseSummary(person);
        sides.awaitHeldAtHome(person, 1);
        String original = lastReceivedFromAbroad();
        String[] parts = original.split("\\.");
        String envelopeId = header(parts).path("jti").asText();
        long sequence = header(parts).path("seq").asLong();
        long stored = receivedFromAbroad();

        char swapped = parts[1].charAt(20) == 'A' ? 'B' : 'A';
        String altered = parts[0] + "." + parts[1].substring(0, 20) + swapped + parts[1].substring(21) + "." + parts[2];
        assertRefusedAndAudited(sides.postToHome(altered), 401, "bad-signature", envelopeId);

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        SignedEnvelope forged = new EnvelopeSigner("abroad", KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                Clock.systemUTC()).sign(PayloadCodec.read(payload), sequence + 1_000_000);
        assertRefusedAndAudited(sides.postToHome(forged.compact()), 401, "unknown-key", forged.envelopeId());

        assertRefusedAndAudited(sides.postToHome(original), 409, "replayed", envelopeId);

        assertEquals(stored, receivedFromAbroad(), "none of them stored");
        assertEquals(1, sides.heldAtHome(person).size(), "the person's summary held once, as it was");
    }

    @Test
    void aRevokedAnchorStopsAbroadsNextEnvelopeAtOnce() throws Exception {
        Path anchors = sides.stack.homeTrustAnchors();
        String trusted = Files.readString(anchors);
        int refusedBefore = revokedRefusals();
        String person = "urn:interlock:person:" + UUID.randomUUID();
        sides.scenario.onPetersCaseload(person);
        try {
            Files.writeString(anchors, revoked(trusted));
            sides.scenario.releaseSummary(person);

            await().atMost(CROSSED).until(() -> revokedRefusals() > refusedBefore);
            assertEquals(List.of(), sides.heldAtHome(person), "nothing held under a revoked key");
        } finally {
            Files.writeString(anchors, trusted);
        }
        // Restored: the queued envelope goes through, so the next test finds the flow as it was.
        assertEquals(1, sides.awaitHeldAtHome(person, 1).size());
    }

    private static int revokedRefusals() {
        return (int) sides.refusedAtHome().stream().filter(refusal -> refusal.startsWith("key-revoked ")).count();
    }

    /** The anchors file with abroad's one key marked revoked, as an operator would mark it. */
    private static String revoked(String anchors) {
        List<String> lines = new ArrayList<>();
        for (String line : anchors.split("\n", -1)) {
            lines.add(line);
            if (line.strip().startsWith("notAfter:")) {
                lines.add(line.substring(0, line.indexOf("notAfter:")) + "revoked: true");
            }
        }
        String text = String.join("\n", lines);
        assertTrue(text.contains("revoked: true"), "abroad's key is in the anchors file: " + anchors);
        return text;
    }

    private static void assertRefusedAndAudited(GatewayClient.Answer answer, int status, String code, String envelopeId) {
        assertRefused(answer, status, PROBLEM + code);
        await().atMost(CROSSED).until(() -> sides.refusedAtHome().contains(code + " " + envelopeId));
    }

    private static JsonNode header(String[] parts) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    }

    /** The compact JWS of the last envelope home accepted from abroad, as home keeps it (the evidence). */
    private static String lastReceivedFromAbroad() throws Exception {
        try (Connection c = sides.stack.homeGatewayDatabase(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT compact FROM federation.received_envelopes WHERE peer = 'abroad'"
                        + " ORDER BY seq DESC LIMIT 1")) {
            assertTrue(rs.next(), "home received nothing from abroad");
            return rs.getString(1);
        }
    }

    private static long receivedFromAbroad() throws Exception {
        try (Connection c = sides.stack.homeGatewayDatabase(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM federation.received_envelopes WHERE peer = 'abroad'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
