package org.interlock.gateway.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.review.OverdueReviews;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * A break-glass review left open too long counts in the overdue gauge and alerts the user's agency
 * on interlock.gateway.alerts once, however often the gateway looks again (as after a restart, or
 * from another replica: nothing but the database remembers).
 */
@QuarkusTest
@TestProfile(ReviewOverdueProfile.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ReviewOverdueTest {

    private static final String TOPIC = "interlock.gateway.alerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OverdueReviews overdue;

    @Test
    void anOverdueReviewCountsInTheGaugeUntilItIsClosed() {
        long disclosure = AuditFixtures.peterBreaksGlass(PersonReference.random());
        await().atMost(Duration.ofSeconds(20)).until(() -> overdueSince(disclosure));
        // Everything open is overdue by now: the gauge counts every open review, this one included.
        await().atMost(Duration.ofSeconds(20)).until(() -> gauge() == openReviews() && gauge() > 0);
        long before = gauge();

        AuditFixtures.auditor().contentType("application/json")
                .body("{\"verdict\":\"justified\",\"note\":\"confirmed\"}")
                .post("/audit/v1/reviews/" + disclosure).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> gauge() == before - 1);
    }

    @Test
    void anOverdueReviewAlertsTheUsersAgencyExactlyOnce() throws Exception {
        try (TopicRecorder alerts = new TopicRecorder(TOPIC)) {
            long first = AuditFixtures.peterBreaksGlass(PersonReference.random());
            await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(alerts, first).size() == 1);
            // Look again, as a restarted gateway or another replica would.
            for (int i = 0; i < 3; i++) {
                overdue.check();
            }
            // A later review's alert, once it arrives, shows that the looks above have all been taken.
            long sentinel = AuditFixtures.peterBreaksGlass(PersonReference.random());
            await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(alerts, sentinel).size() == 1);

            List<ConsumerRecord<String, String>> sent = alertsFor(alerts, first);
            assertEquals(1, sent.size(), "one alert per overdue review, ever");
            ConsumerRecord<String, String> alert = sent.getFirst();
            assertEquals("probation", alert.key());
            Map<String, String> headers = TopicRecorder.headers(alert);
            assertEquals("org.interlock.gateway.break-glass-review.overdue.v1", headers.get("ce_type"));
            assertEquals("/interlock/gateway", headers.get("ce_source"));
            assertEquals("1.0", headers.get("ce_specversion"));
            assertEquals("probation", headers.get("ce_recipient"));
            assertEquals("official", headers.get("ce_classification"));
            assertTrue(headers.get("ce_id").matches("[0-9a-f-]{36}"), headers.get("ce_id"));
            Instant.parse(headers.get("ce_time"));
            JsonNode data = JSON.readTree(alert.value());
            assertEquals(List.of("actor", "agency", "openedAt", "overdueAfter", "review"), fieldNames(data));
            assertEquals("peter.probation", data.path("actor").asText());
            assertEquals("probation", data.path("agency").asText());
            assertEquals("PT2S", data.path("overdueAfter").asText());
            assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.break_glass_alerts"
                    + " WHERE sent_at IS NOT NULL AND disclosure = " + first));
        }
    }

    private static boolean overdueSince(long disclosure) {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.break_glass_reviews"
                + " WHERE disclosure = " + disclosure + " AND opened_at < now() - interval '"
                + ReviewOverdueProfile.OVERDUE_AFTER_SECONDS + " seconds'") == 1;
    }

    private static long openReviews() {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.break_glass_reviews r"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit.break_glass_verdicts v WHERE v.disclosure = r.disclosure)");
    }

    /** The gauge as Prometheus scrapes it. */
    private static long gauge() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("interlock_break_glass_reviews_overdue "))
                .map(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim()))
                .findFirst().orElse(-1L);
    }

    private static List<ConsumerRecord<String, String>> alertsFor(TopicRecorder alerts, long review) {
        return alerts.records().stream().filter(r -> review(r) == review).toList();
    }

    private static long review(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("review").asLong(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
