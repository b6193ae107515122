package org.interlock.bench.soak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A demo persona's access token (password grant, client interlock-cli, password = username),
 * fetched again after half its lifetime. While Keycloak is down the last token is kept: the
 * gateway checks tokens against keys it has already fetched, so the load goes on until it expires.
 */
final class Persona {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String keycloak;
    private final String username;
    private volatile String token;
    private volatile long refreshAtNanos;

    Persona(String keycloak, String username) {
        this.keycloak = keycloak;
        this.username = username;
    }

    /** The current token; waits up to {@code patience} for the first one. */
    String token(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (token == null || System.nanoTime() >= refreshAtNanos) {
                refresh();
            }
            if (token != null || System.nanoTime() >= deadline) {
                if (token == null) {
                    throw new IllegalStateException("No token for " + username + " from " + keycloak);
                }
                return token;
            }
            pause(Duration.ofMillis(500));
        }
    }

    String token() {
        return token(Duration.ZERO);
    }

    /** The gateway refused the token (401): fetch another at the next request. */
    void refused() {
        refreshAtNanos = System.nanoTime();
    }

    private synchronized void refresh() {
        if (token != null && System.nanoTime() < refreshAtNanos) {
            return;
        }
        String form = "grant_type=password&client_id=interlock-cli&username=" + encode(username) + "&password="
                + encode(username);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/interlock/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                token = body.path("access_token").asText();
                long lifetime = Math.max(30, body.path("expires_in").asLong(300));
                refreshAtNanos = System.nanoTime() + Duration.ofSeconds(lifetime / 2).toNanos();
                return;
            }
        } catch (java.io.IOException e) {
            // Keycloak is down (a fault): keep the token we have, try again shortly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refreshAtNanos = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
