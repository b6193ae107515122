package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The disclosure point never releases what it cannot decide on: a service's answer to a read
 * that is not a JSON document (another content type, or nothing) is refused with the gateway's own
 * 502 problem, nothing of it is passed on, and the refusal is recorded as a POLICY_ERROR deny. A
 * service's failure is the gateway's 502 too, and its body (which may hold a stack trace or the
 * record) never reaches the caller.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class UpstreamAnswerTest {

    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    @ParameterizedTest(name = "{0} {1}, {2} body, {3}")
    @CsvSource({
            "200, text/plain,             the record,  one record",
            "200, text/html;charset=UTF-8, the record, one record",
            "200, application/json,       no,          one record",
            "200, text/plain,             the record,  a list"})
    void anAnswerThatIsNotAJsonDocumentIsRefusedAndTheRefusalRecorded(int status, String contentType, String body,
            String shape) {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        String episode = episode(id, person);
        boolean list = shape.equals("a list");
        String servicePath = list ? "/prisons/api/v1/custody-episodes?person=" + person
                : "/prisons/api/v1/custody-episodes/" + id;
        UpstreamStub.answer("GET", servicePath, status, contentType,
                body.equals("no") ? "" : list ? "[" + episode + "]" : episode);
        String owner = "om-" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = "req-" + UUID.randomUUID();

        Response answer = given().auth().oauth2(officer(owner)).header("X-Purpose-Of-Use", "case-management")
                .header("X-Correlation-Id", requestId)
                .get(servicePath.replace("/prisons/api/v1/", "/api/v1/prisons/"));

        assertEquals(502, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:upstream-answer", answer.jsonPath().getString("type"));
        assertReleasesNothingOf(answer);
        JsonPath record = onlyRecordOf(owner);
        assertEquals("DENY", record.getString("record.decision.outcome"));
        assertEquals("POLICY_ERROR", record.getString("record.decision.reason"));
        assertEquals("custody-episode", record.getString("record.resource.type"));
        assertEquals(requestId, record.getString("record.requestId"));
    }

    @ParameterizedTest(name = "500 {0}")
    @CsvSource(delimiter = '|', value = {
            "application/json|the record",
            "application/problem+json|{\"status\":500,\"type\":\"urn:interlock:problem:internal-error\",\"detail\":\"java.lang.IllegalStateException at org.interlock.prisons.custody.CustodyService A1234BC HMP Frankland\"}",
            "text/plain|java.lang.IllegalStateException: A1234BC HMP Frankland"})
    void aServiceFailureIsTheGatewaysBadGatewayAndNothingOfItsBody(String contentType, String body) {
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 500, contentType,
                body.equals("the record") ? episode(id, PersonReference.random()) : body);

        Response answer = given().auth().oauth2(officer("olivia.prison")).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/prisons/custody-episodes/" + id);

        assertEquals(502, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:upstream-answer", answer.jsonPath().getString("type"));
        assertReleasesNothingOf(answer);
        assertFalse(answer.asString().contains("Exception"), answer.asString());
    }

    private static String episode(String id, String person) {
        return """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person);
    }

    private static void assertReleasesNothingOf(Response answer) {
        for (String fact : List.of("A1234BC", "HMP Frankland", "IN_CUSTODY", "2026-12-01", "urn:interlock:person")) {
            assertFalse(answer.asString().contains(fact), fact + " released: " + answer.asString());
        }
    }

    /** A prisons offender manager: the owning agency's staff, whom policy would permit the record. */
    private static String officer(String username) {
        return TestTokens.person(username, "prisons", null, "official-sensitive", "offender-manager");
    }

    private static JsonPath onlyRecordOf(String actor) {
        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("actor", actor).queryParam("action", "DISCLOSE_REST")
                .get("/audit/v1/records").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("records").size(), "one refusal, one audit record: " + page.prettify());
        return page.setRootPath("records[0]");
    }
}
