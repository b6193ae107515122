package org.interlock.e2e.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.Test;

/**
 * The audit trail as an oversight body uses it, against the running system: the auditor (a real
 * Keycloak persona) finds who saw what about a person and who was refused, nobody else may look,
 * and an export of the signed log passes the offline verifier run as its README says — while a
 * copy with one record altered is named by it.
 */
class AuditTrailEndToEndTest {

    private static final Duration SEALED = Duration.ofSeconds(30);

    @Test
    void theAuditorFindsEveryDisclosureAndTheVerifierAcceptsTheSignedExport() throws Exception {
        String gateway = TestStack.shared().gatewayUrl();
        GatewayClient olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        GatewayClient fred = GatewayClient.as(gateway, "fred.faith", "resettlement");
        GatewayClient auditor = GatewayClient.as(gateway, "aud.auditor", null);
        String person = PersonReference.random();
        GatewayClient.Answer received = olivia.post("/api/v1/prisons/custody-episodes", Map.of("person", person,
                "prisonNumber", "C3333CC", "establishment", "HMP Frankland", "securityCategory", "B",
                "receivedOn", "2025-01-10"));
        assertEquals(201, received.status());
        String episode = received.body().path("id").asText();
        assertEquals(200, olivia.get("/api/v1/prisons/custody-episodes/" + episode).status());
        assertEquals(404, fred.get("/api/v1/prisons/custody-episodes/" + episode).status());

        // Olivia's read, and the reception routed to probation's inbox by the exchange: its facts as
        // two events, the reception and the security category, each decided and audited on its own.
        await().atMost(SEALED).untilAsserted(() -> {
            JsonNode records = auditor.get("/audit/v1/persons/" + person + "/disclosures").body().path("records");
            assertEquals(3, records.size(), records.toString());
        });
        JsonNode disclosures = auditor.get("/audit/v1/persons/" + person + "/disclosures").body().path("records");
        List<String> who = new ArrayList<>();
        disclosures.forEach(d -> who.add(d.path("record").path("action").asText() + " "
                + d.path("record").path("actor").path("client").asText() + " "
                + d.path("record").path("actor").path("subject").asText(d.path("record").path("actor").path("agency").asText())
                + " " + d.path("record").path("resource").path("category").asText()));
        assertEquals(List.of("DISCLOSE_REST interlock-cli olivia.prison custody.reception,custody.transfer,custody.security",
                "ROUTE_EVENT interlock-exchange probation custody.reception",
                "ROUTE_EVENT interlock-exchange probation custody.security"),
                who.stream().sorted().toList(), disclosures.toString());
        JsonNode refused = auditor.get("/audit/v1/records?outcome=deny&person=" + person).body().path("records");
        assertEquals("fred.faith", refused.get(0).path("record").path("actor").path("subject").asText());
        assertEquals(403, olivia.get("/audit/v1/records?person=" + person).status());
        long lastSeen = refused.get(0).path("sequence").asLong();

        await().atMost(SEALED).until(() -> auditor.get("/audit/v1/tree-heads/latest").body().path("treeSize")
                .asLong() > lastSeen);
        long size = auditor.get("/audit/v1/tree-heads/latest").body().path("treeSize").asLong();
        Path dir = Files.createDirectories(Path.of("target", "audit-e2e"));
        Path export = Files.write(dir.resolve("export.ndjson"), auditor.download("/audit/v1/export?to=" + size));
        Path head = Files.write(dir.resolve("tree-head.json"), auditor.download("/audit/v1/tree-heads/" + size));
        Path key = Files.write(dir.resolve("audit-public-key.pem"), auditor.download("/audit/v1/public-key"));

        Verdict verified = verify(export, head, key);
        assertEquals(0, verified.exit(), verified.output());

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int victim = lines.size() - 1;
        lines.set(victim, lines.get(victim).replaceFirst("\"time\":\"20", "\"time\":\"19"));
        Path altered = Files.write(dir.resolve("export-altered.ndjson"), lines);
        Verdict tampered = verify(altered, head, key);
        assertEquals(1, tampered.exit(), tampered.output());
        assertTrue(tampered.output().contains("TAMPERED") && tampered.output().contains("#" + victim),
                tampered.output());
    }

    private record Verdict(int exit, String output) {
    }

    /** {@code tools/audit-verifier/audit-verifier ...}, as the README gives it: its exit status passes through. */
    private static Verdict verify(Path export, Path head, Path key) throws IOException, InterruptedException {
        Path launcher = Path.of("..", "tools", "audit-verifier", "audit-verifier");
        Process verifier = new ProcessBuilder(launcher.toString(), "--export", export.toString(),
                "--tree-head", head.toString(), "--public-key", key.toString()).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verifier.waitFor(60, TimeUnit.SECONDS), "the verifier finished");
        return new Verdict(verifier.exitValue(), output);
    }
}
