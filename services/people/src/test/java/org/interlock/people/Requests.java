package org.interlock.people;

import java.util.List;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;

/** Requests to the person index as the gateway makes them, on behalf of the demo's kinds of staff. */
public final class Requests {

    public static final TestActor PRISON_OFFICER = TestActor.of("olivia.officer", "prisons", null, "offender-manager");
    public static final TestActor PROBATION_OFFICER = TestActor.of("paul.probation", "probation", null, "offender-manager");
    public static final TestActor IDENTITY_MANAGER = TestActor.of("ida.identity", "probation", null, "identity-manager");
    /** An identity manager who also asserts her agency's identities. */
    public static final TestActor ASSERTING_IDENTITY_MANAGER = TestActor.of("iris.identity", "prisons", null,
            "identity-manager", "offender-manager");

    private Requests() {
    }

    public static RequestSpecification as(TestActor actor) {
        return ServiceRequests.asGatewayFor(actor);
    }

    /** The id of the open review item proposing that the two are one person, whichever came first. */
    public static String reviewLinking(String one, String other) {
        List<Map<String, Object>> items = as(IDENTITY_MANAGER).get("/api/v1/reviews").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return items.stream()
                .filter(item -> List.of(item.get("person"), item.get("candidate")).containsAll(List.of(one, other)))
                .map(item -> (String) item.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no review item links " + one + " and " + other));
    }

    public static Map<String, Object> identity(String person, String given, String family, String dateOfBirth,
            String... identifiers) {
        return Map.of("person", person, "identifiers", List.of(identifiers),
                "name", Map.of("given", given, "family", family), "dateOfBirth", dateOfBirth);
    }
}
