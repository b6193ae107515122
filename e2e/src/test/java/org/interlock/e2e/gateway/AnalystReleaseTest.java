package org.interlock.e2e.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysts' agreement grants releases ({@code custody.release}), nothing else of a custody
 * episode (issue 12): {@code ana.analyst} reads an episode over REST and follows it on the SSE feed,
 * and on both channels receives exactly the release's fields — no security category, prison
 * number, establishment or transfer.
 */
class AnalystReleaseTest {

    private static final Set<String> RELEASE_FIELDS = new TreeSet<>(List.of("id", "person", "status", "releaseDate",
            "releasedOn"));
    private static final String RELEASE_DATE_SET = "org.interlock.prisons.custody.release-date-set.v1";
    private static final Duration STREAMED = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String gateway;
    private static GatewayClient olivia;
    private static GatewayClient ana;

    @BeforeAll
    static void personas() {
        gateway = TestStack.shared().gatewayUrl();
        olivia = GatewayClient.as(gateway, "olivia.prison", "case-management");
        ana = GatewayClient.as(gateway, "ana.analyst", "public-protection");
    }

    @Test
    void theAnalystReadsAnEpisodeOverRestAsItsReleaseAndNothingElse() {
        String person = PersonReference.random();
        String episode = receive(person);
        setReleaseDate(episode, LocalDate.now().plusDays(30));
        assertEquals(200, olivia.post("/api/v1/prisons/custody-episodes/" + episode + "/transfers",
                Map.of("toEstablishment", "HMP Belmarsh", "transferredOn", LocalDate.now().toString())).status());

        GatewayClient.Answer one = ana.get("/api/v1/prisons/custody-episodes/" + episode);
        GatewayClient.Answer list = ana.get("/api/v1/prisons/custody-episodes?person=" + person);

        assertEquals(200, one.status(), String.valueOf(one.body()));
        assertEquals(RELEASE_FIELDS, keys(one.body()), one.body().toString());
        assertEquals(LocalDate.now().plusDays(30).toString(), one.body().path("releaseDate").asText());
        assertEquals(1, list.body().size(), list.body().toString());
        assertEquals(RELEASE_FIELDS, keys(list.body().get(0)), list.body().toString());
    }

    /**
     * The feed starts at its live end, so the release date is set until the feed shows it; then the
     * episode's security category and establishment change and its release date changes again. The
     * three events are about one person, so they reach the feed in order: once the last release is
     * shown, the two before it have been decided, and were withheld.
     */
    @Test
    void theAnalystsFeedCarriesTheReleaseAndNoOtherFactOfTheEpisode() {
        String person = PersonReference.random();
        String episode = receive(person);
        try (Feed feed = new Feed(person)) {
            await().atMost(STREAMED).pollInterval(Duration.ofSeconds(1)).until(() -> {
                setReleaseDate(episode, LocalDate.now().plusDays(30));
                return !feed.events().isEmpty();
            });
            String last = LocalDate.now().plusDays(90).toString();
            assertEquals(200, olivia.put("/api/v1/prisons/custody-episodes/" + episode + "/security-category",
                    Map.of("securityCategory", "A")).status());
            assertEquals(200, olivia.post("/api/v1/prisons/custody-episodes/" + episode + "/transfers",
                    Map.of("toEstablishment", "HMP Belmarsh", "transferredOn", LocalDate.now().toString())).status());
            setReleaseDate(episode, LocalDate.parse(last));
            await().atMost(STREAMED).until(() -> feed.events().stream()
                    .anyMatch(e -> last.equals(e.path("data").path("releaseDate").asText())));

            for (JsonNode event : feed.events()) {
                assertEquals(RELEASE_DATE_SET, event.path("type").asText(), event.toString());
                assertEquals("custody.release", event.path("category").asText(), event.toString());
                assertEquals(person, event.path("person").asText(), event.toString());
                assertEquals(RELEASE_FIELDS, keys(event.path("data")), event.toString());
            }
        }
    }

    private static String receive(String person) {
        return CustodyRecords.receive(olivia, person, "G7777GG");
    }

    private static void setReleaseDate(String episode, LocalDate date) {
        CustodyRecords.setReleaseDate(olivia, episode, date);
    }

    private static Set<String> keys(JsonNode record) {
        Set<String> keys = new TreeSet<>();
        record.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The analyst's SSE feed of one person's custody events, as {@code interlock-event} messages arrive. */
    private static final class Feed implements AutoCloseable {

        private final HttpClient http = HttpClient.newHttpClient();
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();

        Feed(String person) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/feeds/v1/events?categories=custody.*"
                            + "&persons=" + person))
                    .header("Authorization", "Bearer " + KeycloakTokens.accessToken("ana.analyst"))
                    .header("X-Purpose-Of-Use", "public-protection").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                    Thread.ofVirtual().start(() -> read(response.body())));
        }

        private void read(Stream<String> lines) {
            List<String> event = new ArrayList<>();
            try (lines) {
                lines.forEach(line -> {
                    if (!line.isEmpty()) {
                        event.add(line);
                        return;
                    }
                    if (event.contains("event:interlock-event") || event.contains("event: interlock-event")) {
                        event.stream().filter(l -> l.startsWith("data:")).forEach(l -> events.add(parse(l.substring(5))));
                    }
                    event.clear();
                });
            }
        }

        List<JsonNode> events() {
            return events;
        }

        private static JsonNode parse(String data) {
            try {
                return JSON.readTree(data.strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }
}
