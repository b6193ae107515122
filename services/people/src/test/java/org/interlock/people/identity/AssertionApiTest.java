package org.interlock.people.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.interlock.people.Requests.IDENTITY_MANAGER;
import static org.interlock.people.Requests.PRISON_OFFICER;
import static org.interlock.people.Requests.PROBATION_OFFICER;
import static org.interlock.people.Requests.as;
import static org.interlock.people.Requests.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "people"))
class AssertionApiTest {

    @Test
    void malformedIdentifierIsRefusedNamingItsPlaceInTheRequest() {
        as(PRISON_OFFICER).body(Map.of("identifiers", List.of("crn:X123456", "pnc:2012/0052494Z"),
                        "name", Map.of("given", "Ann", "family", "Lee")))
                .post("/api/v1/identities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("identifiers[1]"))
                .body("errors[0].message", equalTo("the check letter of 2012/0052494Z is wrong"));
    }

    @Test
    void lookupWithAMalformedIdentifierIsRefusedNamingTheParameter() {
        as(PRISON_OFFICER).queryParam("identifier", "prison-number:A12BC").get("/api/v1/persons")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("identifier"))
                .body("errors[0].message", equalTo("a prison-number is a letter, 4 digits and 2 letters, e.g. A1234BC"));
    }

    @Test
    void lookupOfAnIdentifierNobodyHoldsIsNotFound() {
        as(PRISON_OFFICER).queryParam("identifier", "crn:Z999999").get("/api/v1/persons")
                .then().statusCode(404).body("type", equalTo("urn:interlock:problem:not-found"));
    }

    @Test
    void samePrisonNumberWithAnotherDateOfBirthIsAConflictAndAReviewItemNotAnOverwrite() {
        String prison = PersonReference.random();
        as(PRISON_OFFICER).body(identity(prison, "Grace", "Okafor", "1991-02-17", "prison-number:G1234KL"))
                .post("/api/v1/identities").then().statusCode(201).body("outcome", equalTo("RECORDED"));

        String detail = as(PRISON_OFFICER)
                .body(identity(PersonReference.random(), "Grace", "Okafor", "1979-06-30", "prison-number:G1234KL"))
                .post("/api/v1/identities")
                .then().statusCode(409).body("type", equalTo("urn:interlock:problem:conflict"))
                .extract().path("detail");

        String review = detail.replaceAll(".*review item ([0-9a-f-]{36}).*", "$1");
        as(PROBATION_OFFICER).get("/api/v1/reviews/" + review).then().statusCode(200)
                .body("kind", equalTo("CONFLICT")).body("status", equalTo("OPEN"))
                .body("candidate", equalTo(prison)).body("identifier", equalTo("prison-number:G1234KL"));
        as(PRISON_OFFICER).queryParam("identifier", "prison-number:G1234KL").get("/api/v1/persons")
                .then().statusCode(200).body("person", equalTo(prison));
    }

    @Test
    void aConflictAboutAnotherAgencysIdentifierIsRecordedForReviewWithoutTellingTheAsserter() {
        String prison = PersonReference.random();
        as(PRISON_OFFICER).body(identity(prison, "Hana", "Sato", "1987-12-03", "prison-number:H2345JK"))
                .post("/api/v1/identities").then().statusCode(201);
        String probation = PersonReference.random();

        as(PROBATION_OFFICER).body(identity(probation, "Hana", "Sato", "1978-03-12", "prison-number:H2345JK"))
                .post("/api/v1/identities")
                .then().statusCode(201).body("outcome", equalTo("RECORDED"));

        as(IDENTITY_MANAGER).get("/api/v1/reviews").then().statusCode(200)
                .body("findAll { it.person == '" + probation + "' }.kind", equalTo(List.of("CONFLICT")));
        as(PRISON_OFFICER).queryParam("identifier", "prison-number:H2345JK").get("/api/v1/persons")
                .then().statusCode(200).body("person", equalTo(prison));
    }

    @Test
    void theAnswerToAnAssertionSaysNothingOfWhatElseTheIndexHolds() {
        String known = PersonReference.random();
        as(PRISON_OFFICER).body(identity(known, "Idris", "Moreau", "1983-09-21", "prison-number:M5678NP"))
                .post("/api/v1/identities").then().statusCode(201);
        String alike = PersonReference.random();
        String unlike = PersonReference.random();

        Map<String, Object> matched = as(PROBATION_OFFICER)
                .body(identity(alike, "Idris", "Moreau", "1983-09-21", "crn:M567890")).post("/api/v1/identities")
                .then().statusCode(201).extract().as(Map.class);
        Map<String, Object> unmatched = as(PROBATION_OFFICER)
                .body(identity(unlike, "Wendell", "Quayle", "1962-01-30", "crn:Q678901")).post("/api/v1/identities")
                .then().statusCode(201).extract().as(Map.class);

        assertEquals(Map.of("person", alike, "outcome", "RECORDED"), without(matched, "record"));
        assertEquals(Map.of("person", unlike, "outcome", "RECORDED"), without(unmatched, "record"));
        assertEquals(matched.keySet(), unmatched.keySet());
    }

    private static Map<String, Object> without(Map<String, Object> answer, String key) {
        Map<String, Object> rest = new java.util.HashMap<>(answer);
        rest.remove(key);
        return rest;
    }

    @Test
    void aWriteWithoutAnActorChangesNothing() {
        org.interlock.testing.ServiceRequests.asGatewayForNobody()
                .body(identity(PersonReference.random(), "Ann", "Lee", "1990-01-01", "crn:A111111"))
                .post("/api/v1/identities").then().statusCode(401);
        as(PRISON_OFFICER).queryParam("identifier", "crn:A111111").get("/api/v1/persons").then().statusCode(404);
    }
}
