package org.interlock.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;

/**
 * The flows between agencies and organisations over a period: exactly the permitted disclosures
 * of that period under an agreement, counted per agreement, recipient and basis; for auditors only;
 * a bad period is a problem naming the parameter.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class FlowsTest {

    private static final String CUSTODY = "prisons-to-probation-custody";
    private static final String RELEASE = "prisons-release-to-horizon-mentoring";

    @Inject
    AuditTrail audit;

    @Test
    void theFlowsOfAPeriodCountExactlyItsDisclosuresPerAgreementRecipientAndBasis() {
        // A day of its own, long ago: no other test writes there.
        Instant day = Instant.parse("1995-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(9000), ChronoUnit.DAYS);
        Actor peter = new Actor("peter.probation", "probation", null, "interlock-web", null);
        Actor horizonInbox = new Actor(null, "partners", "horizon-mentoring", "interlock-exchange", null);
        Actor olivia = new Actor("olivia.prison", "prisons", null, "interlock-web", null);
        List<AuditRecord> records = new ArrayList<>();
        records.add(disclosure(day.plusSeconds(10), peter, Action.DISCLOSE_REST, CUSTODY, null, null));
        records.add(disclosure(day.plusSeconds(20), peter, Action.DISCLOSE_REST, CUSTODY, null, "recalled overnight"));
        records.add(disclosure(day.plusSeconds(30), peter, Action.ROUTE_EVENT, CUSTODY, null, null));
        records.add(disclosure(day.plusSeconds(40), horizonInbox, Action.ROUTE_EVENT, RELEASE, "consent-1", null));
        records.add(disclosure(day.plusSeconds(50), horizonInbox, Action.ROUTE_EVENT, RELEASE, "consent-2", null));
        records.add(disclosure(day.plusSeconds(60), peter, Action.PUSH_FEED, "an-agreement-no-longer-in-force", null, null));
        // Not flows: a refusal, an agency's own staff on its own records, a decision asked about, and
        // disclosures just outside the period.
        records.add(AuditRecord.builder(day.plusSeconds(70), peter, Action.DISCLOSE_REST, Decision.deny("NO_AGREEMENT"))
                .build());
        records.add(disclosure(day.plusSeconds(80), olivia, Action.DISCLOSE_REST, null, null, null));
        records.add(disclosure(day.plusSeconds(90), peter, Action.DECIDE, CUSTODY, null, null));
        records.add(disclosure(day.minusMillis(1), peter, Action.DISCLOSE_REST, CUSTODY, null, null));
        records.add(disclosure(day.plus(Duration.ofDays(1)), peter, Action.DISCLOSE_REST, CUSTODY, null, null));
        audit.recordAndWait(records);

        List<Map<String, Object>> flows = AuditFixtures.auditor().queryParam("from", day.toString())
                .queryParam("to", day.plus(Duration.ofDays(1)).toString()).get("/audit/v1/flows").then()
                .statusCode(200)
                .body("from", equalTo(day.toString()))
                .body("total", equalTo(6))
                .extract().jsonPath().getList("flows");
        assertEquals(List.of(
                flow(null, "probation", "an-agreement-no-longer-in-force", "agreement", 1, 0),
                flow("prisons", "org:horizon-mentoring", RELEASE, "consent", 2, 0),
                flow("prisons", "probation", CUSTODY, "agreement", 3, 1)), flows, "ordered by agreement");

        AuditFixtures.auditor().queryParam("actor", "aud.auditor").queryParam("action", "AUDIT_QUERY")
                .queryParam("from", Instant.now().minusSeconds(60).toString()).get("/audit/v1/records").then()
                .statusCode(200)
                .body("records.record.resource.id", org.hamcrest.Matchers.hasItem(
                        "flows?from=" + day + "&to=" + day.plus(Duration.ofDays(1))));
    }

    @Test
    void onlyAnAuditorSeesTheFlows() {
        for (String token : List.of(AuditFixtures.OLIVIA, AuditFixtures.FRED, AuditFixtures.ANA, AuditFixtures.PAT)) {
            given().auth().oauth2(token).get("/audit/v1/flows?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
                    .then().statusCode(403);
        }
        given().get("/audit/v1/flows?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").then().statusCode(401);
    }

    @Test
    void aMissingBadReversedOrTooLongPeriodIsAProblemNamingTheParameter() {
        Map<String, String> refused = Map.of(
                "to=2026-01-02T00:00:00Z", "from",
                "from=2026-01-01T00:00:00Z", "to",
                "from=yesterday&to=2026-01-02T00:00:00Z", "from",
                "from=2026-01-01T00:00:00Z&to=2026-01-02", "to",
                "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                "from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                "from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:01Z", "to");
        refused.forEach((query, field) -> AuditFixtures.auditor().get("/audit/v1/flows?" + query).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field)));
        AuditFixtures.auditor().get("/audit/v1/flows?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z").then()
                .statusCode(200);
    }

    private static AuditRecord disclosure(Instant at, Actor actor, Action action, String agreement, String consent,
            String breakGlass) {
        return AuditRecord.builder(at, actor, action, Decision.permit(agreement == null ? "owner" : "agreement"))
                .resource(new Resource("custody-episode", "1", null, "custody.release", "official"))
                .agreement(agreement).consent(consent).breakGlassReason(breakGlass).build();
    }

    private static Map<String, Object> flow(String from, String to, String agreement, String basis, int count,
            int breakGlass) {
        Map<String, Object> flow = new java.util.LinkedHashMap<>();
        flow.put("from", from);
        flow.put("to", to);
        flow.put("agreement", agreement);
        flow.put("basis", basis);
        flow.put("count", count);
        flow.put("breakGlass", breakGlass);
        return flow;
    }
}
