package org.interlock.e2e.readme;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.interlock.testing.KeycloakTokens;

/**
 * The test's own view of an analyst's feed about one person, beside the snippet's: an event it has
 * seen is in the gateway's feed log, so a client that connects later sees it only by resuming.
 */
final class AnalystFeed implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuffer received = new StringBuffer();

    AnalystFeed(String gateway, String person) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/feeds/v1/events?persons="
                        + URLEncoder.encode(person, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("ana.analyst"))
                .header("X-Purpose-Of-Use", "public-protection").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                Thread.ofVirtual().start(() -> {
                    received.append("HTTP ").append(response.statusCode()).append('\n');
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> received.append(line).append('\n'));
                    }
                }));
    }

    boolean shows(String text) {
        return received.indexOf(text) >= 0;
    }

    @Override
    public String toString() {
        return received.toString();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
