package org.interlock.stack.demo;

import java.io.IOException;
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
 * One demo persona talking to the gateway: a password-grant token from the dev realm (password =
 * username, client interlock-cli) and a declared purpose of use on every request.
 */
final class DemoClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {
        String id() {
            return body.path("id").asText();
        }
    }

    private final String gateway;
    private final String token;
    private final String purpose;

    private DemoClient(String gateway, String token, String purpose) {
        this.gateway = gateway;
        this.token = token;
        this.purpose = purpose;
    }

    static DemoClient as(String gateway, String keycloak, String persona, String purpose) {
        return as(gateway, keycloak, "interlock", persona, purpose);
    }

    /** A persona of {@code realm}: each federated deployment has a realm of its own. */
    static DemoClient as(String gateway, String keycloak, String realm, String persona, String purpose) {
        String form = "grant_type=password&client_id=interlock-cli&username=" + encode(persona)
                + "&password=" + encode(persona);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Answer answer = send(request);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + persona + ": HTTP " + answer.status());
        }
        return new DemoClient(gateway, answer.body().path("access_token").asText(), purpose);
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** The answer if it has the expected status, else a failure that says what the gateway said. */
    static Answer expect(int status, Answer answer, String step) {
        if (answer.status() != status) {
            throw new IllegalStateException(step + ": expected HTTP " + status + ", got " + answer.status() + " "
                    + answer.body());
        }
        return answer;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("X-Purpose-Of-Use", purpose);
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + request.uri().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
