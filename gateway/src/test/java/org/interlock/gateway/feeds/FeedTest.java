package org.interlock.gateway.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * Live feeds against real Kafka: each analyst gets what policy gives them, a reconnect resumes
 * exactly, a stalled client is cut off without holding up the others, an expired token ends the
 * stream, and only feed roles may subscribe.
 */
@QuarkusTest
@TestProfile(FeedProfile.class)
@QuarkusTestResource(GatewayResource.class)
class FeedTest {

    private static final Duration DELIVERED = Duration.ofSeconds(30);
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String OWEN = TestTokens.person("owen.analyst", "intelligence", null, "official-sensitive", "analyst");

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    FeedLog log;

    @Test
    void analystsWithDifferentClearancesGetDifferentStreamsOfTheSameEvents() {
        String person = PersonReference.random();
        try (FeedClient ana = subscribe(ANA, "?persons=" + person); FeedClient owen = subscribe(OWEN, "?persons=" + person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);
            String release = releaseDateSet(person);
            String threat = threatFlag(person);
            String restricted = restrictedThreatFlag(person);

            await().atMost(DELIVERED).until(() -> ana.sources().size() == 2 && owen.sources().size() == 1);
            assertEquals(List.of(release, threat), ana.sources());
            assertEquals(List.of(release), owen.sources(), "a secret threat flag is above owen's clearance");
            assertTrue(!ana.sources().contains(restricted), "handling code C never reaches a feed");
            Received.Event seen = ana.named("interlock-event").getFirst();
            assertEquals("prisons-to-analysts", seen.data().path("agreement").asText());
            assertEquals("2026-12-01", seen.data().path("data").path("releaseDate").asText());
        }
        given().auth().oauth2(TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor"))
                .queryParam("person", person).queryParam("action", "PUSH_FEED").get("/audit/v1/records").then()
                .statusCode(200).body("records.size()", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void aReconnectWithLastEventIdDeliversExactlyTheMissedEvents() {
        String person = PersonReference.random();
        resumesExactly(log, resume -> FeedClient.subscribe(base(), ANA, "?persons=" + person, resume), person);
    }

    /**
     * The position after one event seen, once 450 more events (more than FeedProfile retains)
     * have been written behind it. {@code connect} takes a resume point (null: from now).
     */
    static String positionPushedOutOfRetention(FeedLog log, Function<String, Received> connect, String person) {
        String lastId;
        try (Received first = connect.apply(null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> first.sources().size() == 1);
            lastId = first.named("interlock-event").getLast().id();
        }
        bulkReleases(PersonReference.random(), 450, "", Duration.ZERO);
        return lastId;
    }

    /**
     * Three events seen, the stream closed, three missed; a reconnect from the last id received
     * gets exactly the missed ones, once each, then live ones. {@code connect} takes a resume
     * point (null: from now).
     */
    static void resumesExactly(FeedLog log, Function<String, Received> connect, String person) {
        String lastId;
        try (Received first = connect.apply(null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            for (int i = 0; i < 3; i++) {
                releaseDateSet(person);
            }
            await().atMost(DELIVERED).until(() -> first.sources().size() == 3);
            lastId = first.named("interlock-event").getLast().id();
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(releaseDateSet(person));
        }
        try (Received again = connect.apply(lastId)) {
            await().atMost(DELIVERED).until(() -> again.sources().size() >= 3);
            String extra = releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> again.sources().size() == 4);
            List<String> expected = new ArrayList<>(missed);
            expected.add(extra);
            assertEquals(expected, again.sources(), "the missed events, once each, then live");
        }
    }

    @Test
    void aResumePointBeyondRetentionIsAClearError() {
        String person = PersonReference.random();
        String lastId = positionPushedOutOfRetention(log,
                resume -> FeedClient.subscribe(base(), ANA, "?persons=" + person, resume), person);
        // Until the feed log has read past its retention the resume is still honoured (and streams).
        await().atMost(DELIVERED).until(() -> {
            try (FeedClient attempt = FeedClient.subscribe(base(), ANA, "", lastId)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> attempt.status != 0);
                return attempt.status == 410;
            }
        });
        given().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").header("Last-Event-ID", lastId)
                .get("/feeds/v1/events").then().statusCode(410)
                .body("type", org.hamcrest.Matchers.equalTo("urn:interlock:problem:gone"));
    }

    @Test
    void aStalledClientIsCutOffWhileAFastOneGetsEverything() throws Exception {
        String person = PersonReference.random();
        try (Socket stalled = new Socket(); FeedClient fast = subscribe(ANA, "?persons=" + person)) {
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new java.net.InetSocketAddress(gateway.getHost(), gateway.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /feeds/v1/events?persons=" + person + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + ANA + "\r\nX-Purpose-Of-Use: public-protection\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);

            // 12 MB in all, more than the socket buffers can hide from the server, at a pace a
            // reading client follows (a burst faster than a subscriber drains overflows anyone).
            List<String> sent = bulkReleases(person, 3000, "x".repeat(4000), Duration.ofMillis(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> fast.sources().size() == sent.size());
            assertEquals(sent, fast.sources());
            // The stalled one is gone (streams of earlier tests may close meanwhile too); the fast one stays.
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            assertTrue(!fast.ended, "the fast subscriber keeps its stream");
        }
    }

    @Test
    void anExpiredTokenEndsTheStream() {
        String person = PersonReference.random();
        String shortLived = TestTokens.sign(TestTokens.personClaims("ana.analyst", "intelligence", null, "secret", 4,
                "analyst"));
        try (FeedClient ana = subscribe(shortLived, "?persons=" + person)) {
            await().atMost(DELIVERED).until(() -> ana.ended);
            assertEquals(1, ana.named("token-expired").size());
            assertTrue(ana.named("token-expired").getFirst().data().has("resume"));
        }
    }

    @Test
    void onlyFeedRolesMaySubscribeAndBadSubscriptionsAreProblems() {
        for (String token : List.of(TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
                "offender-manager"), TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor"))) {
            given().auth().oauth2(token).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/events")
                    .then().statusCode(403);
        }
        given().header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/events").then().statusCode(401);
        given().auth().oauth2(ANA).get("/feeds/v1/events").then().statusCode(400);
        for (String query : List.of("persons=someone", "origins=police", "categories=DROP%20TABLE")) {
            given().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/events?" + query)
                    .then().statusCode(422).contentType("application/problem+json");
        }
        given().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").header("Last-Event-ID", "forged")
                .get("/feeds/v1/events").then().statusCode(400);
    }

    private FeedClient subscribe(String token, String query) {
        return FeedClient.subscribe(base(), token, query, null);
    }

    private String base() {
        String url = gateway.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String releaseDateSet(String person) {
        return releaseDateSet(person, "");
    }

    static String releaseDateSet(String person, String padding) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.events", person, """
                {"id":"%s","person":"%s","status":"IN_CUSTODY%s","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(UUID.randomUUID(), person, padding),
                TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                        "/agencies/prisons", person, "custody.release", "official-sensitive"));
        return id;
    }

    /** Many release events at once, through one producer; returns their ids in order. */
    static List<String> bulkReleases(String person, int count, String padding, Duration pace) {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", org.interlock.testing.TestInfrastructure.shared().kafka().bootstrapServers());
        config.put("acks", "all");
        config.put("max.request.size", 20_000_000);
        List<String> ids = new ArrayList<>();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                var record = new org.apache.kafka.clients.producer.ProducerRecord<>("interlock.prisons.events", person, """
                        {"id":"%s","person":"%s","status":"IN_CUSTODY%s","releaseDate":"2026-12-01","releasedOn":null}"""
                        .formatted(UUID.randomUUID(), person, padding));
                TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                        "/agencies/prisons", person, "custody.release", "official-sensitive")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
                ids.add(id);
                if (!pace.isZero()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(pace.toNanos());
                }
            }
            producer.flush();
        }
        return ids;
    }

    static String threatFlag(String person) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","kind":"ATTACK_PLANNING","raisedOn":"2026-11-01","clearedOn":null}"""
                .formatted(UUID.randomUUID(), person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.intelligence.threat-flag.raised.v1",
                        "/agencies/intelligence", person, "intel.threat", "secret"));
        return id;
    }

    /** An intelligence report under handling code C: it never leaves intelligence. */
    static String restrictedThreatFlag(String person) {
        return org.interlock.testing.AgencyTopics.report(person, "C");
    }
}
