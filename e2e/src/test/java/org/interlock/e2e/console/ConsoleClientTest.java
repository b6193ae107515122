package org.interlock.e2e.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.testing.TestKeycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm's console client, as the real Keycloak imports it (ADR 0020): the authorization code
 * flow with PKCE S256 and its one redirect, nothing else — no password grant, no implicit flow,
 * no login without a code challenge, no redirect elsewhere.
 */
class ConsoleClientTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** The one redirect the client has: the realm's, or a test gateway's (ConsoleClientRegistration). */
    private static String redirect;

    @BeforeAll
    static void theClientHasOneRedirectAndOneOrigin() throws Exception {
        ObjectNode client = ConsoleClientRegistration.client();
        assertEquals(1, client.path("redirectUris").size(), client.toString());
        redirect = client.path("redirectUris").get(0).asText();
        assertTrue(redirect.endsWith("/console/") && !redirect.contains("*"), redirect);
        String origin = redirect.substring(0, redirect.length() - "/console/".length());
        assertEquals("[\"" + origin + "\"]", client.path("webOrigins").toString());
        assertTrue(client.path("publicClient").asBoolean() && client.path("standardFlowEnabled").asBoolean()
                && !client.path("implicitFlowEnabled").asBoolean() && !client.path("directAccessGrantsEnabled").asBoolean()
                && !client.path("serviceAccountsEnabled").asBoolean(), client.toString());
    }

    @Test
    void theConsoleClientRefusesThePasswordGrant() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=interlock-console"
                        + "&username=aud.auditor&password=aud.auditor")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 400 || answer.statusCode() == 401, answer.statusCode() + " " + answer.body());
        assertTrue(answer.body().contains("unauthorized_client"), answer.body());
    }

    @Test
    void theConsoleClientStartsALoginOnlyWithACodeChallengeForItsOwnRedirect() throws Exception {
        assertEquals(200, authorize("code", redirect, "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256")
                .statusCode(), "the console's own login: Keycloak's login form");
        assertRefused(authorize("code", redirect, ""));
        assertRefused(authorize("code", redirect, "&code_challenge=" + CHALLENGE + "&code_challenge_method=plain"));
        assertRefused(authorize("token", redirect, "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"));
        assertEquals(400, authorize("code", redirect.replace("/console/", "/elsewhere/"), "&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256").statusCode(), "a redirect elsewhere is refused outright");
    }

    /** Refused: Keycloak sends the browser back to the console with an error, and no code. */
    private static void assertRefused(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(location.startsWith(redirect) && location.contains("error=") && !location.contains("code="),
                location);
    }

    private static HttpResponse<String> authorize(String responseType, String redirect, String pkce)
            throws IOException, InterruptedException {
        String query = "client_id=interlock-console&response_type=" + responseType + "&scope=openid&state=s&nonce=n"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + pkce;
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/auth?" + query)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String issuer() {
        return TestKeycloak.shared().issuer();
    }
}
