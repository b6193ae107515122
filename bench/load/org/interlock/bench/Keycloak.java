package org.interlock.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Access tokens from the bench stack's Keycloak (realm interlock, the demo personas and clients). */
final class Keycloak {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Keycloak() {
    }

    /** A persona's token through interlock-cli (the personas' passwords are their usernames). */
    static String persona(String keycloak, String username) throws Exception {
        return token(keycloak, "grant_type=password&client_id=interlock-cli&username=" + encode(username)
                + "&password=" + encode(username));
    }

    /**
     * The gateway's own service token (client credentials of interlock-gateway, deploy/keycloak):
     * what the gateway sends to the agency services.
     */
    static String gatewayService(String keycloak) throws Exception {
        return token(keycloak, "grant_type=client_credentials&client_id=interlock-gateway&client_secret="
                + encode(System.getenv().getOrDefault("INTERLOCK_GATEWAY_SECRET", "dev-gateway-secret")));
    }

    private static String token(String keycloak, String form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/interlock/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token from Keycloak: HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
