package org.interlock.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.stack.KeycloakNode;

/** Real tokens from the test Keycloak, as a person gets them with the public client interlock-cli. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    /** The raw token endpoint answer of a password grant. */
    public static HttpResponse<String> passwordGrant(String user, String password) {
        return post(TestKeycloak.shared().issuer(), "grant_type=password&client_id=interlock-cli&scope=openid"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** A client-credentials token of one of the realm's confidential clients (dev realm secrets). */
    public static String clientToken(String clientId, String secret) {
        return token(TestKeycloak.shared().issuer(), "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** A token from Keycloak's master realm: same server, another issuer. */
    public static String masterRealmAdminToken() {
        KeycloakNode keycloak = TestKeycloak.shared();
        return token(keycloak.url() + "/realms/master", "grant_type=password&client_id=admin-cli&username=admin"
                + "&password=" + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8));
    }

    private static String token(String issuer, String form) {
        HttpResponse<String> response = post(issuer, form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token from " + issuer + ": HTTP " + response.statusCode());
        }
        return accessTokenOf(response);
    }

    private static HttpResponse<String> post(String issuer, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String accessTokenOf(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's answer is not JSON", e);
        }
    }

    /** A demo persona's access token (dev realm: the password is the username). */
    public static String accessToken(String persona) {
        HttpResponse<String> response = passwordGrant(persona, persona);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + persona + ": HTTP " + response.statusCode());
        }
        return accessTokenOf(response);
    }

    /** A persona's access token from another realm of the test Keycloak (a federated deployment's own). */
    public static String accessToken(String realm, String persona) {
        return token(TestKeycloak.shared().issuer(realm), "grant_type=password&client_id=interlock-cli&scope=openid"
                + "&username=" + URLEncoder.encode(persona, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(persona, StandardCharsets.UTF_8));
    }
}
