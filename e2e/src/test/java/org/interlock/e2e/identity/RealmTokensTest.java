package org.interlock.e2e.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every demo persona of the imported realm gets a token that carries who it is. */
class RealmTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "olivia.prison,   prisons,      -,                 official-sensitive, offender-manager",
        "peter.probation, probation,    -,                 official-sensitive, probation-officer",
        "ian.intel,       intelligence, -,                 secret,             intelligence-officer federation-spoc",
        "mia.mentor,      partners,     horizon-mentoring, official,           partner-caseworker",
        "fred.faith,      partners,     faith-bridge,      official,           partner-caseworker",
        "ana.analyst,     intelligence, -,                 secret,             analyst",
        "aud.auditor,     oversight,    -,                 official,           auditor",
        "pat.admin,       oversight,    -,                 official,           policy-admin",
        "tom.prisonlead,     prisons,   -,                 official-sensitive, team-manager offender-manager",
        "tara.probationlead, probation, -,                 official-sensitive, team-manager partnership-manager probation-officer identity-manager",
        "hana.horizon,       partners,  horizon-mentoring, official,           partner-manager partner-caseworker",
        "felix.faithbridge,  partners,  faith-bridge,      official,           partner-manager partner-caseworker"})
    void personaTokenCarriesAgencyOrgClearanceAndRoles(String user, String agency, String org, String clearance,
            String roles) throws Exception {
        HttpResponse<String> response = KeycloakTokens.passwordGrant(user, user);
        assertEquals(200, response.statusCode(), response.body());

        JsonNode claims = accessTokenClaims(response.body());
        assertEquals(TestKeycloak.shared().issuer(), claims.path("iss").asText());
        assertEquals(user, claims.path("preferred_username").asText());
        assertEquals(agency, claims.path("agency").asText());
        assertEquals(org, claims.hasNonNull("org") ? claims.get("org").asText() : null);
        assertEquals(clearance, claims.path("clearance").asText());
        assertEquals(Set.of(roles.split(" ")), interlockRoles(claims));
        assertTrue(audiences(claims).contains("interlock-gateway"), "audience must name the gateway");
    }

    @Test
    void wrongPasswordGetsNoToken() throws Exception {
        HttpResponse<String> response = KeycloakTokens.passwordGrant("olivia.prison", "not-her-password");

        assertEquals(400, response.statusCode());
        assertEquals("invalid_grant", JSON.readTree(response.body()).path("error").asText());
        assertFalse(response.body().contains("access_token"));
    }

    private static JsonNode accessTokenClaims(String tokenResponse) throws IOException {
        String jwt = JSON.readTree(tokenResponse).path("access_token").asText();
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    /** The realm roles the policy knows; Keycloak's own defaults are left out. */
    private static Set<String> interlockRoles(JsonNode claims) {
        Set<String> known = Set.of("offender-manager", "probation-officer", "intelligence-officer",
                "partner-caseworker", "analyst", "auditor", "policy-admin", "service", "team-manager",
                "partner-manager", "partnership-manager", "identity-manager", "federation-spoc");
        Set<String> roles = new TreeSet<>();
        claims.path("realm_access").path("roles").forEach(r -> {
            if (known.contains(r.asText())) {
                roles.add(r.asText());
            }
        });
        return roles;
    }

    private static List<String> audiences(JsonNode claims) {
        List<String> audiences = new ArrayList<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        return audiences;
    }
}
