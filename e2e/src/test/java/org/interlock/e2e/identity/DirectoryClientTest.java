package org.interlock.e2e.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The staff directory's client {@code interlock-directory} against the real Keycloak with the
 * repository's realm: it reads every persona with their agency, organisation and realm roles,
 * the way the gateway's KeycloakStaffSource does, and it can do nothing else.
 */
class DirectoryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "dev-directory-secret";
    private static final Set<String> INTERLOCK_ROLES = Set.of("offender-manager", "probation-officer",
            "intelligence-officer", "partner-caseworker", "analyst", "auditor", "policy-admin", "service",
            "team-manager", "partner-manager", "partnership-manager", "identity-manager", "federation-spoc");

    record Staff(String agency, String org, Set<String> roles) {
    }

    @Test
    void listsEveryPersonaWithAgencyOrganisationAndRealmRoles() throws IOException {
        String token = directoryToken();
        Map<String, Staff> read = new TreeMap<>();
        for (JsonNode user : get(token, "/users?briefRepresentation=false&first=0&max=100").body()) {
            JsonNode roles = get(token, "/users/" + user.path("id").asText() + "/role-mappings/realm/composite").body();
            Set<String> interlockRoles = new TreeSet<>();
            roles.forEach(role -> {
                if (INTERLOCK_ROLES.contains(role.path("name").asText())) {
                    interlockRoles.add(role.path("name").asText());
                }
            });
            JsonNode attributes = user.path("attributes");
            read.put(user.path("username").asText(), new Staff(attributes.path("agency").path(0).asText(null),
                    attributes.path("org").path(0).asText(null), interlockRoles));
        }

        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("olivia.prison", new Staff("prisons", null, Set.of("offender-manager"))),
                Map.entry("peter.probation", new Staff("probation", null, Set.of("probation-officer"))),
                Map.entry("ian.intel", new Staff("intelligence", null, Set.of("intelligence-officer", "federation-spoc"))),
                Map.entry("mia.mentor", new Staff("partners", "horizon-mentoring", Set.of("partner-caseworker"))),
                Map.entry("fred.faith", new Staff("partners", "faith-bridge", Set.of("partner-caseworker"))),
                Map.entry("ana.analyst", new Staff("intelligence", null, Set.of("analyst"))),
                Map.entry("aud.auditor", new Staff("oversight", null, Set.of("auditor"))),
                Map.entry("pat.admin", new Staff("oversight", null, Set.of("policy-admin"))),
                Map.entry("tom.prisonlead", new Staff("prisons", null, Set.of("team-manager", "offender-manager"))),
                Map.entry("tara.probationlead", new Staff("probation", null,
                        Set.of("team-manager", "partnership-manager", "probation-officer", "identity-manager"))),
                Map.entry("hana.horizon", new Staff("partners", "horizon-mentoring",
                        Set.of("partner-manager", "partner-caseworker"))),
                Map.entry("felix.faithbridge", new Staff("partners", "faith-bridge",
                        Set.of("partner-manager", "partner-caseworker"))))), read);
    }

    @Test
    void itsTokenCarriesViewUsersAndNothingAServiceWouldAccept() throws IOException {
        JsonNode claims = claims(directoryToken());

        assertEquals("interlock-directory", claims.path("azp").asText());
        assertEquals(Set.of("view-users", "query-users", "query-groups"),
                strings(claims.path("resource_access").path("realm-management").path("roles")));
        assertEquals(Set.of("realm-management"), fieldNames(claims.path("resource_access")));
        assertEquals(Set.of(), strings(claims.path("realm_access").path("roles")), "no realm role, 'service' least of all");
        assertEquals(Set.of("realm-management"), strings(claims.path("aud").isArray() ? claims.path("aud")
                : JSON.createArrayNode().add(claims.path("aud"))));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "POST   | /users                                   | 403 | {\"username\":\"mallory\",\"enabled\":true}",
        "PUT    | /users/{tara}                            | 403 | {\"attributes\":{\"agency\":[\"prisons\"]}}",
        "DELETE | /users/{tara}                            | 403 |",
        "POST   | /users/{tara}/role-mappings/realm        | 403 | [{\"name\":\"auditor\"}]",
        "PUT    | /users/{tara}/reset-password             | 403 | {\"type\":\"password\",\"value\":\"x\",\"temporary\":false}",
        "POST   | /users/{tara}/impersonation              | 403 | {}",
        "POST   | /users/{tara}/logout                     | 403 | {}",
        "GET    | /clients                                 | 403 |",
        "GET    | /roles                                   | 403 |",
        "GET    | /roles/team-manager/users                | 403 |",
        "GET    | /events                                  | 403 |",
        "GET    | /components                              | 403 |"})
    void cannotChangeAnythingNorReadBeyondUsers(String method, String path, int status, String body) throws IOException {
        String token = directoryToken();
        String tara = idOf(token, "tara.probationlead");

        Answer answer = send(token, method, path.replace("{tara}", tara), body);

        assertEquals(status, answer.status(), answer.raw());
        assertEquals("probation", attributesOf(token, tara).path("agency").path(0).asText(), "nothing was changed");
    }

    @Test
    void cannotReadAnotherRealm() throws IOException {
        HttpResponse<String> response = exchange(request(directoryToken(),
                TestKeycloak.shared().url() + "/admin/realms/master/users", "GET", null).build());

        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void cannotLogInAsAPerson() throws IOException {
        HttpResponse<String> response = post(TestKeycloak.shared().issuer() + "/protocol/openid-connect/token",
                "grant_type=password&client_id=interlock-directory&client_secret=" + SECRET
                        + "&username=tara.probationlead&password=tara.probationlead");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("unauthorized_client", JSON.readTree(response.body()).path("error").asText());
        assertFalse(response.body().contains("access_token"));
    }

    // ---------------------------------------------------------------------------------------

    record Answer(int status, JsonNode body, String raw) {
    }

    private static String directoryToken() {
        return KeycloakTokens.clientToken("interlock-directory", SECRET);
    }

    private static String idOf(String token, String username) throws IOException {
        JsonNode found = get(token, "/users?username=" + username + "&exact=true").body();
        assertEquals(1, found.size(), "one " + username);
        return found.get(0).path("id").asText();
    }

    private static JsonNode attributesOf(String token, String id) throws IOException {
        return get(token, "/users/" + id).body().path("attributes");
    }

    private static Answer get(String token, String path) throws IOException {
        Answer answer = send(token, "GET", path, null);
        assertEquals(200, answer.status(), "GET " + path + ": " + answer.raw());
        return answer;
    }

    private static Answer send(String token, String method, String path, String body) throws IOException {
        HttpResponse<String> response = exchange(request(token,
                TestKeycloak.shared().issuer().replace("/realms/", "/admin/realms/") + path, method, body).build());
        String raw = response.body();
        return new Answer(response.statusCode(), raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw), raw);
    }

    private static HttpRequest.Builder request(String token, String url, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String url, String form) throws IOException {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
