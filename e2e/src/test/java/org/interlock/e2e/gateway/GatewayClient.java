package org.interlock.e2e.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.testing.KeycloakTokens;

/** A persona talking to the gateway with a real Keycloak token and a declared purpose. */
public final class GatewayClient {

    /** What the gateway answered: status, body as JSON (null when empty) and its media type. */
    public record Answer(int status, JsonNode body, String contentType) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final String token;
    private final String purpose;
    private final Map<String, String> headers;

    private GatewayClient(String gateway, String token, String purpose, Map<String, String> headers) {
        this.gateway = gateway;
        this.token = token;
        this.purpose = purpose;
        this.headers = headers;
    }

    public static GatewayClient as(String gateway, String persona, String purpose) {
        return new GatewayClient(gateway, KeycloakTokens.accessToken(persona), purpose, Map.of());
    }

    public static GatewayClient withToken(String gateway, String token, String purpose) {
        return new GatewayClient(gateway, token, purpose, Map.of());
    }

    /** The same persona sending one more header on every request (e.g. {@code X-Break-Glass-Reason}). */
    public GatewayClient withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(headers);
        more.put(name, value);
        return new GatewayClient(gateway, token, purpose, Map.copyOf(more));
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** The raw body of a GET that succeeds (an export, a PEM key, a tree head as published). */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The gateway did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A body sent as given, of any media type (a compact JWS to the federation peer interface, say). */
    public Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return purpose == null ? builder : builder.header("X-Purpose-Of-Use", purpose);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("The gateway did not answer", e);
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
}
