package org.interlock.gateway.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.interlock.gateway.feeds.FeedAudit.deny;
import static org.interlock.gateway.feeds.FeedAudit.permit;
import static org.interlock.gateway.feeds.FeedEvents.bulkReleases;
import static org.interlock.gateway.feeds.FeedEvents.releaseDateSet;
import static org.interlock.gateway.feeds.FeedEvents.report;
import static org.interlock.gateway.feeds.FeedEvents.summary;
import static org.interlock.gateway.feeds.FeedEvents.threatFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Live feeds against real Kafka: each analyst gets what policy gives them, projected to the
 * category's fields; a handling code alone keeps a report off every feed; a reconnect resumes
 * exactly, a stalled client is cut off without holding up the others, an expired token ends the
 * stream, and only feed roles may subscribe.
 */
@QuarkusTest
@TestProfile(FeedProfile.class)
@QuarkusTestResource(GatewayResource.class)
class FeedTest {

    private static final Duration DELIVERED = Duration.ofSeconds(30);
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String IAN = TestTokens.person("ian.analyst", "intelligence", null, "secret", "analyst");
    static final String OWEN = TestTokens.person("owen.analyst", "intelligence", null, "official-sensitive", "analyst");
    /** Appended to a release's status (a field analysts receive), so that each event is about 4 KB on the wire. */
    static final String PADDING = "x".repeat(4000);
    private static final Pattern OVERFLOW = Pattern.compile("event: ?overflow\\b");

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    FeedLog log;

    @Test
    void analystsWithDifferentClearancesGetDifferentStreamsOfTheSameEvents() {
        String person = PersonReference.random();
        try (FeedClient ana = subscribe(ANA, person); FeedClient owen = subscribe(OWEN, person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);
            String release = releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> ana.sources().size() == 1 && owen.sources().size() == 1);
            String threat = threatFlag(person);
            // Behind the flag on its topic: once both have the summary, the flag was decided for both.
            String sentinel = summary(person);
            await("the sentinel arrives").atMost(DELIVERED)
                    .until(() -> ana.sources().contains(sentinel) && owen.sources().contains(sentinel));

            assertEquals(List.of(release, threat, sentinel), ana.sources());
            assertEquals(List.of(release, sentinel), owen.sources(), "a secret threat flag is above owen's clearance");
            Received.Event seen = ana.source(threat);
            assertEquals("intelligence-to-analysts", seen.data().path("agreement").asText());
            assertEquals(FeedEvents.THREAT_FIELDS, seen.released());
        }
        assertEquals(Stream.of(
                permit("ana.analyst", "prisons-to-analysts", "custody.release"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.threat"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.summary"),
                permit("owen.analyst", "prisons-to-analysts", "custody.release"),
                deny("owen.analyst", "ABOVE_CLEARANCE", "intel.threat"),
                permit("owen.analyst", "intelligence-to-analysts", "intel.summary")).sorted().toList(),
                FeedAudit.pushedAbout(person), "a refusal that names the analyst is recorded on a push channel");
    }

    @Test
    void aReleaseReachesAnAnalystWithTheReleaseFactsOnly() {
        String person = PersonReference.random();
        try (FeedClient ana = subscribe(ANA, person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            String release = FeedEvents.releaseWithTheWholeEpisode(person);
            await().atMost(DELIVERED).until(() -> ana.sources().size() == 1);

            Received.Event seen = ana.source(release);
            assertEquals(FeedEvents.RELEASE_FIELDS, seen.released(),
                    "no prison number, establishment or security category");
            assertEquals("custody.release", seen.data().path("category").asText());
            assertEquals("2026-12-01", seen.data().path("data").path("releaseDate").asText());
        }
    }

    @Test
    void handlingCodeCNeverReachesAFeed() {
        String person = PersonReference.random();
        try (FeedClient ana = subscribe(ANA, person); FeedClient ian = subscribe(IAN, person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);
            String restricted = report(person, "C");
            // The same report under P, behind it on its topic: once it is in, the one under C was decided.
            String sentinel = report(person, "P");
            await("the sentinel arrives").atMost(DELIVERED)
                    .until(() -> ana.sources().contains(sentinel) && ian.sources().contains(sentinel));

            assertFalse(ana.sources().contains(restricted), "handling code C never reaches a feed");
            assertEquals(List.of(sentinel), ana.sources());
            assertEquals(List.of(sentinel), ian.sources());
        }
        assertEquals(Stream.of(
                deny("ana.analyst", "HANDLING_RESTRICTED", "intel.report"),
                deny("ian.analyst", "HANDLING_RESTRICTED", "intel.report"),
                permit("ana.analyst", "test-reports-to-analysts", "intel.report"),
                permit("ian.analyst", "test-reports-to-analysts", "intel.report")).sorted().toList(),
                FeedAudit.pushedAbout(person));
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
        // The topic too no longer keeps them: records before its end are deleted, as retention would.
        await().atMost(DELIVERED).until(() -> !log.retains(FeedPosition.decode(lastId)));
        deleteRecordsBeforeTheEnd("interlock.prisons.events");
        return lastId;
    }

    /** What the topic's retention would do, now: every record before each partition's end is gone. */
    static void deleteRecordsBeforeTheEnd(String topic) {
        var config = new java.util.Properties();
        config.put("bootstrap.servers", org.interlock.testing.TestInfrastructure.shared().kafka().bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            admin.deleteRecords(ends.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    java.util.Map.Entry::getKey,
                    e -> org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(e.getValue().offset())))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not delete the topic's records", e);
        }
    }

    /**
     * A resume point older than the feed log holds in memory (as after a restart) but still kept by
     * the topics: the stream reads what it missed from the topics, then joins the log, exactly.
     */
    @Test
    void aResumePointOlderThanTheLogButKeptByTheTopicsResumesExactly() {
        String person = PersonReference.random();
        String lastId;
        try (FeedClient first = FeedClient.subscribe(base(), ANA, "?persons=" + person, null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> first.sources().size() == 1);
            lastId = first.named("interlock-event").getLast().id();
        }
        String missed = releaseDateSet(person);
        bulkReleases(PersonReference.random(), 450, "", Duration.ZERO);
        await().atMost(DELIVERED).until(() -> !log.retains(FeedPosition.decode(lastId)));
        String live;
        try (FeedClient again = FeedClient.subscribe(base(), ANA, "?persons=" + person, lastId)) {
            await().atMost(DELIVERED).until(() -> again.sources().size() == 1);
            live = releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> again.sources().size() == 2);
            assertEquals(List.of(missed, live), again.sources(), "the missed event from the topic, then the live one, once each");
        }
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
        try (Socket stalled = new Socket(); FeedClient fast = subscribe(ANA, person)) {
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /feeds/v1/events?persons=" + person + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + ANA + "\r\nX-Purpose-Of-Use: public-protection\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);

            // 12 MB in all, more than the socket buffers can hide from the server, at a pace a
            // reading client follows (a burst faster than a subscriber drains overflows anyone).
            List<String> sent = bulkReleases(person, 3000, PADDING, Duration.ofMillis(2));
            // The stalled one is gone (streams of earlier tests may close meanwhile too) ...
            await("the stalled subscriber is cut off").atMost(Duration.ofSeconds(60))
                    .until(() -> log.following(person) == 1);
            assertTrue(endsWithOverflow(stalled), "the stalled client is told it read too slowly");
            // ... while the fast one gets every event, padding and all, and keeps its stream.
            await("the fast subscriber gets every event").atMost(Duration.ofSeconds(60))
                    .until(() -> fast.sources().size() == sent.size());
            assertEquals(sent, fast.sources());
            assertEquals("IN_CUSTODY" + PADDING,
                    fast.source(sent.getLast()).data().path("data").path("status").asText(),
                    "the padding travels in a released field, so the events really are this big");
            assertFalse(fast.ended, "the fast subscriber keeps its stream");
        }
    }

    /** Reads, at last, what the server still has for a stalled client, until its stream says why it ended. */
    private static boolean endsWithOverflow(Socket stalled) throws IOException {
        stalled.setSoTimeout((int) DELIVERED.toMillis());
        InputStream in = stalled.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        String tail = "";
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            String text = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            if (OVERFLOW.matcher(text).find()) {
                return true;
            }
            tail = text.substring(Math.max(0, text.length() - 32));
        }
        return false;
    }

    @Test
    void anExpiredTokenEndsTheStream() {
        String person = PersonReference.random();
        String shortLived = TestTokens.sign(TestTokens.personClaims("ana.analyst", "intelligence", null, "secret", 4,
                "analyst"));
        try (FeedClient ana = subscribe(shortLived, person)) {
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

    /** A subscription to the events about one person, from now. */
    private FeedClient subscribe(String token, String person) {
        return FeedClient.subscribe(base(), token, "?persons=" + person, null);
    }

    private String base() {
        String url = gateway.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
