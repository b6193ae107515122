package org.interlock.e2e.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.Test;

/** The gateway, as deployed, reads its staff directory from the real Keycloak with interlock-directory. */
class GatewayStaffDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGatewayIsReadyWithEveryPersonaOfTheRealmInItsStaffDirectory() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestStack.shared().gatewayUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode directory = check(JSON.readTree(response.body()), "Staff directory");
        assertEquals("UP", directory.path("status").asText(), response.body());
        assertEquals(12, directory.path("data").path("members").asInt(), response.body());
    }

    private static JsonNode check(JsonNode health, String name) throws IOException {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new IOException("No readiness check named " + name + " in " + health);
    }
}
