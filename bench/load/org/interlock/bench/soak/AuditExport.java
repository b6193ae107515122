package org.interlock.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail as the auditor gets it (README, "Auditors"): the latest signed tree head, the
 * export up to its size, the public key, saved for {@code tools/audit-verifier}; and every
 * {@code ROUTE_EVENT} record by its request id, which the exchange sets to the copy's id.
 */
final class AuditExport {

    /** One routing decision: the inbox's copy id (request id), the outcome, the record's sequence. */
    record Route(String requestId, String outcome, long sequence) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, List<Route>> routesByRequestId = new HashMap<>();
    long treeSize;
    long records;

    private final String gateway;
    private final Persona auditor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AuditExport(String gateway, Persona auditor) {
        this.gateway = gateway;
        this.auditor = auditor;
    }

    /**
     * Waits for a tree head sealed after {@code notBeforeMillis} (heads are sealed every 5 s when
     * there is something new), then saves head, export and key into {@code folder}.
     */
    void fetch(Path folder, long notBeforeMillis) throws Exception {
        Files.createDirectories(folder);
        JsonNode head = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> latest = get("/audit/v1/tree-heads/latest", HttpResponse.BodyHandlers.ofString());
            if (latest.statusCode() == 200) {
                head = JSON.readTree(latest.body());
                if (sealedAt(head) >= notBeforeMillis) {
                    break;
                }
            }
            Persona.pause(Duration.ofSeconds(1));
        }
        if (head == null) {
            throw new IllegalStateException("No signed tree head from the gateway");
        }
        treeSize = head.path("treeSize").asLong();
        save(folder.resolve("tree-head.json"), "/audit/v1/tree-heads/" + treeSize);
        save(folder.resolve("audit-public.pem"), "/audit/v1/public-key");
        save(folder.resolve("export.ndjson"), "/audit/v1/export?to=" + treeSize);
        try (BufferedReader lines = Files.newBufferedReader(folder.resolve("export.ndjson"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode record = JSON.readTree(line).path("record");
                if (record.isMissingNode()) {
                    continue; // a range header
                }
                records++;
                if (record.path("action").asText().equals("ROUTE_EVENT")) {
                    String requestId = record.path("requestId").asText();
                    routesByRequestId.computeIfAbsent(requestId, k -> new ArrayList<>(1)).add(new Route(requestId,
                            record.path("decision").path("outcome").asText(), record.path("sequence").asLong()));
                }
            }
        }
    }

    /** The head's timestamp in epoch milliseconds (a number, or an ISO-8601 string). */
    private static long sealedAt(JsonNode head) {
        JsonNode t = head.path("timestamp");
        if (t.isNumber()) {
            return t.asLong();
        }
        try {
            return java.time.Instant.parse(t.asText()).toEpochMilli();
        } catch (RuntimeException e) {
            return Long.MAX_VALUE; // unknown layout: take the head as it is
        }
    }

    private void save(Path file, String path) throws Exception {
        HttpResponse<Path> response = get(path, HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " "
                    + Files.readString(file));
        }
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + auditor.token(Duration.ofSeconds(60))).GET().build(), body);
    }
}
