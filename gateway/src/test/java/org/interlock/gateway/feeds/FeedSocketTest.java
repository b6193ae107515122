package org.interlock.gateway.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.interlock.gateway.feeds.FeedAudit.deny;
import static org.interlock.gateway.feeds.FeedAudit.permit;
import static org.interlock.gateway.feeds.FeedEvents.bulkReleases;
import static org.interlock.gateway.feeds.FeedEvents.licenceCondition;
import static org.interlock.gateway.feeds.FeedEvents.releaseDateSet;
import static org.interlock.gateway.feeds.FeedEvents.report;
import static org.interlock.gateway.feeds.FeedEvents.summary;
import static org.interlock.gateway.feeds.FeedEvents.threatFlag;
import static org.interlock.gateway.feeds.FeedTest.ANA;
import static org.interlock.gateway.feeds.FeedTest.IAN;
import static org.interlock.gateway.feeds.FeedTest.OWEN;
import static org.interlock.gateway.feeds.FeedTest.PADDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The same live feed as a WebSocket, against real Kafka: the same decisions, projection and
 * redaction as the SSE stream, a handling code that alone keeps a report off it, a resume token
 * that continues exactly, a stalled socket cut off without holding up a fast one, an expired token
 * that ends the socket with a resume point, and every refusal an HTTP problem before any socket
 * opens.
 */
@QuarkusTest
@TestProfile(FeedProfile.class)
@QuarkusTestResource(GatewayResource.class)
class FeedSocketTest {

    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    FeedLog log;

    @Test
    void eachAnalystGetsOnTheSocketWhatTheSseFeedGivesThem() {
        String person = PersonReference.random();
        try (SocketClient ana = following(ANA, person); SocketClient owen = following(OWEN, person);
                FeedClient anaSse = FeedClient.subscribe(base(), ANA, "?persons=" + person, null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 3);
            String release = releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> ana.sources().size() == 1 && owen.sources().size() == 1
                    && anaSse.sources().size() == 1);
            String threat = threatFlag(person);
            // Behind the flag on its topic: once all three have the summary, the flag was decided for each.
            String sentinel = summary(person);
            await("the sentinel arrives").atMost(DELIVERED)
                    .until(() -> Stream.of(ana, owen, anaSse).allMatch(r -> r.sources().contains(sentinel)));

            assertEquals(List.of(release, threat, sentinel), ana.sources());
            assertEquals(List.of(release, sentinel), owen.sources(), "a secret threat flag is above owen's clearance");
            assertSameOnBothTransports(ana, anaSse);
            assertEquals(FeedEvents.RELEASE_FIELDS, ana.source(release).released());
            assertEquals(FeedEvents.THREAT_FIELDS, ana.source(threat).released());
        }
        assertEquals(Stream.of(
                permit("ana.analyst", "prisons-to-analysts", "custody.release"),
                permit("ana.analyst", "prisons-to-analysts", "custody.release"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.threat"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.threat"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.summary"),
                permit("ana.analyst", "intelligence-to-analysts", "intel.summary"),
                permit("owen.analyst", "prisons-to-analysts", "custody.release"),
                deny("owen.analyst", "ABOVE_CLEARANCE", "intel.threat"),
                permit("owen.analyst", "intelligence-to-analysts", "intel.summary")).sorted().toList(),
                FeedAudit.pushedAbout(person), "one record per subscription and event");
    }

    @Test
    void handlingCodeCNeverReachesTheSocket() {
        String person = PersonReference.random();
        try (SocketClient ana = following(ANA, person); SocketClient ian = following(IAN, person)) {
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
    void bothTransportsRedactTheSameField() {
        String person = PersonReference.random();
        try (SocketClient ana = following(ANA, person);
                FeedClient anaSse = FeedClient.subscribe(base(), ANA, "?persons=" + person, null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);
            String condition = licenceCondition(person);
            await().atMost(DELIVERED).until(() -> ana.sources().size() == 1 && anaSse.sources().size() == 1);

            assertSameOnBothTransports(ana, anaSse);
            assertEquals(FeedEvents.LICENCE_FIELDS_BUT_DETAILS, ana.source(condition).released(),
                    "the agreement redacts the condition's details");
            assertEquals("EXCLUSION_ZONE", ana.source(condition).data().path("data").path("kind").asText());
        }
        String redacted = permit("ana.analyst", "test-licence-conditions-to-analysts", "licence.conditions",
                "$.details");
        assertEquals(List.of(redacted, redacted), FeedAudit.pushedAbout(person),
                "each transport's record names the path withheld");
    }

    /** The same events, data and resume positions on the socket as on the SSE stream. */
    private static void assertSameOnBothTransports(SocketClient socket, FeedClient sse) {
        List<Received.Event> onSocket = socket.named("interlock-event");
        List<Received.Event> onSse = sse.named("interlock-event");
        assertEquals(onSse.size(), onSocket.size());
        for (int i = 0; i < onSse.size(); i++) {
            assertEquals(onSse.get(i).data(), onSocket.get(i).data(), "one feed, two transports");
            assertEquals(onSse.get(i).id(), onSocket.get(i).id(), "and the same resume positions");
        }
    }

    @Test
    void aResumeTokenContinuesExactlyWhereTheSocketStopped() {
        String person = PersonReference.random();
        FeedTest.resumesExactly(log, resume -> socket(ANA, "?persons=" + person
                + (resume == null ? "" : "&resume=" + resume)), person);
    }

    @Test
    void aStalledSocketIsCutOffWhileAFastOneGetsEverything() {
        String person = PersonReference.random();
        try (SocketClient stalled = SocketClient.connect(base(), ANA, "?persons=" + person, true);
                SocketClient fast = following(ANA, person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);

            List<String> sent = bulkReleases(person, 3000, PADDING, Duration.ofMillis(2));
            await("the stalled subscriber is cut off").atMost(Duration.ofSeconds(60))
                    .until(() -> log.following(person) == 1);
            stalled.readOn();
            await().atMost(DELIVERED).until(() -> stalled.ended);
            assertEquals(1013, stalled.closeCode, "the stalled socket is closed as a reader too slow");
            assertEquals("overflow", stalled.events.getLast().name());
            assertTrue(stalled.sources().size() < sent.size(), "the stalled one took only what it read");

            await("the fast subscriber gets every event").atMost(Duration.ofSeconds(60))
                    .until(() -> fast.sources().size() == sent.size());
            assertEquals(sent, fast.sources());
            assertEquals("IN_CUSTODY" + PADDING,
                    fast.source(sent.getLast()).data().path("data").path("status").asText(),
                    "the padding travels in a released field, so the events really are this big");
            assertFalse(fast.ended, "the fast subscriber keeps its socket");
        }
    }

    @Test
    void anExpiredTokenEndsTheSocketWithAResumePoint() {
        String person = PersonReference.random();
        String shortLived = TestTokens.sign(TestTokens.personClaims("ana.analyst", "intelligence", null, "secret", 4,
                "analyst"));
        try (SocketClient ana = socket(shortLived, "?persons=" + person)) {
            await().atMost(DELIVERED).until(() -> ana.ended);
            assertEquals(1, ana.named("token-expired").size());
            assertTrue(ana.named("token-expired").getFirst().data().has("resume"));
            assertEquals(1008, ana.closeCode);
        }
    }

    @Test
    void aBrowserPassesItsTokenAndPurposeAsSubprotocols() {
        String person = PersonReference.random();
        try (SocketClient browser = SocketClient.connectAsBrowser(base(), ANA, "?persons=" + person)) {
            assertEquals(101, browser.status);
            assertEquals("bearer-token-carrier", browser.subprotocol());
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            String release = releaseDateSet(person);
            await().atMost(DELIVERED).until(() -> browser.sources().size() == 1);
            assertEquals(List.of(release), browser.sources());
        }
    }

    @Test
    void refusalsAreProblemsAnsweredBeforeAnySocketOpens() {
        for (String token : List.of(TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
                "offender-manager"), TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor"))) {
            upgrade().auth().oauth2(token).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/ws")
                    .then().statusCode(403).contentType("application/problem+json");
            try (SocketClient refused = socket(token, "")) {
                assertEquals(403, refused.status);
            }
        }
        try (SocketClient anonymous = socket(null, "")) {
            assertEquals(401, anonymous.status);
        }
        upgrade().auth().oauth2(ANA).get("/feeds/v1/ws").then().statusCode(400)
                .contentType("application/problem+json");
        for (String query : List.of("persons=someone", "origins=police", "categories=DROP%20TABLE")) {
            upgrade().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/ws?" + query)
                    .then().statusCode(422).contentType("application/problem+json");
        }
        upgrade().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/ws?resume=forged")
                .then().statusCode(400).body("type", equalTo("urn:interlock:problem:malformed-request"));
    }

    @Test
    void aResumePointBeyondRetentionIsRefusedWith410() {
        String person = PersonReference.random();
        String lastId = FeedTest.positionPushedOutOfRetention(log, resume -> socket(ANA, "?persons=" + person
                + (resume == null ? "" : "&resume=" + resume)), person);
        await().atMost(DELIVERED).until(() -> {
            try (SocketClient attempt = socket(ANA, "?resume=" + lastId)) {
                return attempt.status == 410;
            }
        });
        upgrade().auth().oauth2(ANA).header("X-Purpose-Of-Use", "public-protection").get("/feeds/v1/ws?resume=" + lastId)
                .then().statusCode(410).body("type", equalTo("urn:interlock:problem:gone"));
    }

    /** A WebSocket opening handshake as plain HTTP, to read the problem a refusal answers with. */
    private static RequestSpecification upgrade() {
        return given().header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    }

    private SocketClient socket(String token, String query) {
        return SocketClient.connect(base(), token, query, false);
    }

    /** A socket following one person, from now. */
    private SocketClient following(String token, String person) {
        return socket(token, "?persons=" + person);
    }

    private String base() {
        String url = gateway.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
