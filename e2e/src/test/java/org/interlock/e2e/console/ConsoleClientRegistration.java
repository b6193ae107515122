package org.interlock.e2e.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestKeycloak;

/**
 * The realm ships the console client for the local stack's gateway (http://127.0.0.1:8080); a test
 * gateway listens on a free port, so the test registers that origin as an operator registers a
 * deployment's: redirect URI {@code <origin>/console/} and web origin {@code <origin>}, no other.
 */
final class ConsoleClientRegistration {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleClientRegistration() {
    }

    /** The console client as Keycloak holds it now (its admin representation). */
    static ObjectNode client() throws IOException, InterruptedException {
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin() + "?clientId="
                + URLEncoder.encode("interlock-console", StandardCharsets.UTF_8))).GET(),
                KeycloakTokens.masterRealmAdminToken()));
        return (ObjectNode) found.get(0);
    }

    static void registerOrigin(String origin) throws IOException, InterruptedException {
        String admin = admin();
        String token = KeycloakTokens.masterRealmAdminToken();
        ObjectNode client = client();
        client.putArray("redirectUris").add(origin + "/console/");
        client.putArray("webOrigins").add(origin);
        ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", origin + "/console/");
        send(HttpRequest.newBuilder(URI.create(admin + "/" + client.path("id").asText()))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(client.toString())),
                token);
    }

    private static String admin() {
        return TestKeycloak.shared().url() + "/admin/realms/interlock/clients";
    }

    private static String send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
