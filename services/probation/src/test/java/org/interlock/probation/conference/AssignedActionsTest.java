package org.interlock.probation.conference;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.junit.jupiter.api.Test;

/**
 * What a case conference assigned to the caller ({@code GET /api/v1/conference-actions?assignee=me}):
 * "me" is whoever the gateway vouches for, so each caller sees their own actions and nobody else's,
 * a read without the gateway's assertion is refused, and a name in place of "me" is a problem.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class AssignedActionsTest {

    private static final TestActor CHAIR = TestActor.of("tara.probationlead", "probation", null, "team-manager");
    private static final TestActor PETER = TestActor.of("peter.probation", "probation", null, "probation-officer");
    private static final TestActor OLIVIA = TestActor.of("olivia.prison", "prisons", null, "offender-manager");
    private static final TestActor NOBODY = TestActor.of("nina.nobody", "probation", null, "probation-officer");

    @Test
    void eachCallerSeesTheActionsAssignedToThemAndNoOneElses() {
        String person = PersonReference.random();
        String conference = convene(person);
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String later = assign(conference, "probation", PETER, "Visit the approved premises", soon.plusDays(4));
        String first = assign(conference, "probation", PETER, "Check the exclusion zone", soon);
        String olivias = assign(conference, "prisons", OLIVIA, "Share the adjudication history", soon);
        ServiceRequests.asGatewayFor(CHAIR).body(Map.of("outcome", "Checked with the police"))
                .post("/api/v1/conference-actions/" + first + "/complete").then().statusCode(200);

        // Open before done, then soonest due: the completed one last.
        assertEquals(List.of(later, first), idsAssignedTo(PETER));
        assertEquals(List.of(olivias), idsAssignedTo(OLIVIA));
        assertEquals(List.of(), idsAssignedTo(NOBODY));
        ServiceRequests.asGatewayFor(PETER).get("/api/v1/conference-actions?assignee=me").then().statusCode(200)
                .body("[0].assignee", equalTo("peter.probation")).body("[0].status", equalTo("OPEN"))
                .body("[1].status", equalTo("DONE")).body("[1].outcome", equalTo("Checked with the police"));
    }

    @Test
    void aNameInPlaceOfMeIsAProblemAndAReadNobodyVouchesForIsRefused() {
        ServiceRequests.asGatewayFor(OLIVIA).get("/api/v1/conference-actions?assignee=peter.probation").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("assignee"));
        ServiceRequests.asGatewayFor(OLIVIA).get("/api/v1/conference-actions").then()
                .statusCode(422).contentType("application/problem+json");
        ServiceRequests.asGatewayForNobody().get("/api/v1/conference-actions?assignee=me").then()
                .statusCode(401).contentType("application/problem+json");
        ServiceRequests.asGatewayForNobody().header("X-Interlock-Actor", PETER.expiredHeader())
                .get("/api/v1/conference-actions?assignee=me").then().statusCode(401);
        ServiceRequests.asGatewayForNobody().header("X-Interlock-Actor", PETER.headerForAnotherService())
                .get("/api/v1/conference-actions?assignee=me").then().statusCode(401);
    }

    private static List<String> idsAssignedTo(TestActor caller) {
        return ServiceRequests.asGatewayFor(caller).get("/api/v1/conference-actions?assignee=me").then()
                .statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private static String convene(String person) {
        return ServiceRequests.asGatewayFor(CHAIR).body(Map.of("person", person,
                        "meetsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString(), "chair", CHAIR.username(),
                        "invitees", List.of("olivia.prison", "peter.probation"), "organisations", List.of("prisons"),
                        "purpose", "MAPPA level 2 review"))
                .post("/api/v1/conferences").then().statusCode(201).extract().path("id");
    }

    private static String assign(String conference, String owner, TestActor assignee, String description, LocalDate due) {
        return ServiceRequests.asGatewayFor(CHAIR).body(Map.of("owner", owner, "assignee", assignee.username(),
                        "description", description, "dueOn", due.toString()))
                .post("/api/v1/conferences/" + conference + "/actions").then().statusCode(201).extract().path("id");
    }
}
