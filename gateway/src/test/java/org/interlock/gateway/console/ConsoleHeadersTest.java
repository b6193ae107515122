package org.interlock.gateway.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /console} response carries the strict Content-Security-Policy and the security
 * headers (ADR 0020), whatever it is: the page, a script, the configuration, a missing file, the
 * redirect to {@code /console/}. The console's files are public and set no cookie, and the APIs
 * take a token only from the Authorization header: a cookie is never a credential.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
class ConsoleHeadersTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self' https://tokens.test.interlock.invalid; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'; object-src 'none'";

    @Test
    void everyConsoleResponseCarriesTheStrictPolicyAndSecurityHeaders() {
        assertSecured(given().get("/console/"), 200);
        assertSecured(given().get("/console/js/app.js"), 200);
        assertSecured(given().get("/console/css/console.css"), 200);
        assertSecured(given().get("/console/config.json"), 200);
        assertSecured(given().get("/console/no-such-file.js"), 404);
        assertSecured(given().redirects().follow(false).get("/console"), 302);
    }

    @Test
    void theConsolesScriptsAreServedAsScriptsAndNeverSniffed() {
        Response script = given().get("/console/js/verify.js");
        assertTrue(script.contentType().startsWith("text/javascript")
                || script.contentType().startsWith("application/javascript"), script.contentType());
        assertEquals("nosniff", script.header("X-Content-Type-Options"));
    }

    @Test
    void theConfigurationNamesTheRealmAndThePublicClientOnly() {
        Response config = given().get("/console/config.json");
        assertEquals("{\"clientId\":\"interlock-console\",\"realmUrl\":\"https://tokens.test.interlock.invalid/realms/interlock\"}",
                config.asString());
    }

    @Test
    void theConsoleIsPublicAndGivesNoCookie() {
        Response page = given().get("/console/");
        assertNull(page.header("Set-Cookie"), "the console sets no cookie");
        assertTrue(page.asString().contains("<script type=\"module\" src=\"js/app.js\"></script>"));
    }

    @Test
    void theApisTakeNoCookieAsACredential() {
        String auditor = TestTokens.person("aud.auditor", "oversight", null, "official", "auditor");
        given().cookie("q_session", auditor).get("/audit/v1/public-key").then().statusCode(401);
        given().cookie("Authorization", "Bearer " + auditor).get("/audit/v1/public-key").then().statusCode(401);
        given().header("Cookie", "access_token=" + auditor).get("/policy/v1/agreements").then().statusCode(401);
        given().auth().oauth2(auditor).get("/audit/v1/public-key").then().statusCode(200);
    }

    private static void assertSecured(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(POLICY, response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
    }
}
