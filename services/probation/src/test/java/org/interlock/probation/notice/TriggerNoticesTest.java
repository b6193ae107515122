package org.interlock.probation.notice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * The review-trigger notices addressed to the caller ({@code GET /api/v1/review-triggers?addressee=me}):
 * "me" is whoever the gateway vouches for, so each lead sees the notices naming them and no
 * other's; a read without the gateway's assertion is refused, and a name in place of "me" is a problem.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class TriggerNoticesTest {

    private static final String FIRED = "org.interlock.gateway.review-trigger.fired.v1";
    private static final TestActor PETER = TestActor.of("peter.probation", "probation", null, "probation-officer");
    private static final TestActor TARA = TestActor.of("tara.probationlead", "probation", null, "team-manager");
    private static final TestActor PAULA = TestActor.of("paula.probation", "probation", null, "probation-officer");

    @Test
    void eachLeadSeesTheNoticesNamingThemAndNoOneElses() {
        String both = deliver(PersonReference.random(), "peter.probation", "tara.probationlead");
        String taras = deliver(PersonReference.random(), "tara.probationlead");
        await().atMost(Duration.ofSeconds(30)).until(() -> noticesOf(TARA).containsAll(List.of(both, taras)));

        List<String> peters = noticesOf(PETER);
        assertTrue(peters.contains(both), peters.toString());
        assertTrue(!peters.contains(taras), "a notice addressed to another lead was listed: " + peters);
        assertTrue(!noticesOf(PAULA).contains(both), "a notice was listed to someone it does not address");
        ServiceRequests.asGatewayFor(PETER).get("/api/v1/review-triggers?addressee=me").then().statusCode(200)
                .body("find { it.notice == '" + both + "' }.rule", equalTo("concern-and-missed-appointment"))
                .body("find { it.notice == '" + both + "' }.events", hasItem("e1"));
    }

    @Test
    void aReadNobodyVouchesForOrThatNamesSomeoneIsRefused() {
        ServiceRequests.asGatewayForNobody().get("/api/v1/review-triggers?addressee=me").then().statusCode(401);
        ServiceRequests.asGatewayForNobody().header("X-Interlock-Actor", PETER.expiredHeader())
                .get("/api/v1/review-triggers?addressee=me").then().statusCode(401);
        ServiceRequests.asGatewayFor(PAULA).get("/api/v1/review-triggers?addressee=peter.probation").then()
                .statusCode(422).body("errors[0].field", equalTo("addressee"));
        ServiceRequests.asGatewayFor(PAULA).get("/api/v1/review-triggers").then().statusCode(422);
    }

    private static List<String> noticesOf(TestActor caller) {
        return ServiceRequests.asGatewayFor(caller).get("/api/v1/review-triggers?addressee=me").then()
                .statusCode(200).extract().jsonPath().getList("notice", String.class);
    }

    /** A notice as the gateway sends it to probation's inbox (InboxCopy.notice). */
    private static String deliver(String person, String... addressees) {
        String notice = UUID.randomUUID().toString();
        String data = """
                {"notice":"%s","rule":"concern-and-missed-appointment","description":"A concern and a missed appointment.",
                 "person":"%s","firedAt":"2026-12-06T10:00:00Z","events":["e1","e2"],"addressees":["%s"]}"""
                .formatted(notice, person, String.join("\",\"", addressees));
        TopicWriter.send("interlock.inbox.probation", person, data, TopicWriter.cloudEventHeaders(notice, FIRED,
                "/interlock/gateway", person, "review.trigger", "official-sensitive"));
        return notice;
    }
}
