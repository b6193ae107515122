package org.interlock.gateway.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.interlock.gateway.feeds.FeedTest.ANA;
import static org.interlock.gateway.feeds.FeedTest.OWEN;
import static org.interlock.gateway.feeds.FeedTest.bulkReleases;
import static org.interlock.gateway.feeds.FeedTest.releaseDateSet;
import static org.interlock.gateway.feeds.FeedTest.restrictedThreatFlag;
import static org.interlock.gateway.feeds.FeedTest.threatFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

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
 * The same live feed as a WebSocket, against real Kafka: the same decisions and redaction as the
 * SSE stream, a resume token that continues exactly, a stalled socket cut off without holding up
 * a fast one, an expired token that ends the socket with a resume point, and every refusal an
 * HTTP problem before any socket opens.
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
        try (SocketClient ana = socket(ANA, "?persons=" + person); SocketClient owen = socket(OWEN, "?persons=" + person);
                FeedClient anaSse = FeedClient.subscribe(base(), ANA, "?persons=" + person, null)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 3);
            String release = releaseDateSet(person);
            String threat = threatFlag(person);
            String restricted = restrictedThreatFlag(person);

            await().atMost(DELIVERED).until(() -> ana.sources().size() == 2 && owen.sources().size() == 1
                    && anaSse.sources().size() == 2);
            assertEquals(List.of(release, threat), ana.sources());
            assertEquals(List.of(release), owen.sources(), "a secret threat flag is above owen's clearance");
            assertFalse(ana.sources().contains(restricted), "handling code C never reaches a feed");
            for (int i = 0; i < 2; i++) {
                Received.Event onSocket = ana.named("interlock-event").get(i);
                Received.Event onSse = anaSse.named("interlock-event").get(i);
                assertEquals(onSse.data(), onSocket.data(), "one feed, two transports");
                assertEquals(onSse.id(), onSocket.id(), "and the same resume positions");
            }
        }
        given().auth().oauth2(TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor"))
                .queryParam("person", person).queryParam("action", "PUSH_FEED").get("/audit/v1/records").then()
                .statusCode(200).body("records.size()", equalTo(5));
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
                SocketClient fast = socket(ANA, "?persons=" + person)) {
            await().atMost(DELIVERED).until(() -> log.following(person) == 2);

            List<String> sent = bulkReleases(person, 3000, "x".repeat(4000), Duration.ofMillis(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> fast.sources().size() == sent.size());
            assertEquals(sent, fast.sources());
            await().atMost(DELIVERED).until(() -> log.following(person) == 1);
            assertFalse(fast.ended, "the fast subscriber keeps its socket");
            assertTrue(stalled.sources().size() < sent.size(), "the stalled one took only what it read");
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

    private String base() {
        String url = gateway.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
