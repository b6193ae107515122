package org.interlock.e2e.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestStack;

/**
 * What an agency service itself holds, read past the gateway with the gateway's own service
 * identity: how a test shows that a refused change left nothing behind in the service, whatever
 * the gateway would let a persona see of it.
 */
public final class SystemOfRecord {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SystemOfRecord() {
    }

    /** {@code GET /api/v1/<path>} on the service, as JSON; fails on anything but 200. */
    public static JsonNode read(String service, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.shared().serviceUrl(service) + "/api/v1/"
                        + path))
                .header("Authorization", "Bearer " + KeycloakTokens.clientToken("interlock-gateway", "dev-gateway-secret"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " answered " + response.statusCode() + " to " + path);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(service + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
