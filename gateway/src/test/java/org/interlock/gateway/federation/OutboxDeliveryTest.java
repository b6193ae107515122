package org.interlock.gateway.federation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.audit.record.Actor;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.gateway.federation.send.OutboxStore;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox to a peer that is down: nothing is lost, it is retried with back-off, and when the peer is back
 * every envelope arrives once, in seq order.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
@QuarkusTestResource(GatewayResource.class)
class OutboxDeliveryTest {

    @Inject
    FederationOutbox outbox;

    @Inject
    OutboxStore store;

    private StandInPeer peer;

    @BeforeEach
    void peerNlIsTheStandIn() throws Exception {
        peer = new StandInPeer();
        int port = peer.start(0);
        FederationProfile.writeAnchors(FederationKeys.anchors(false, "http://127.0.0.1:" + port));
    }

    @AfterEach
    void stopThePeer() throws Exception {
        peer.close();
        FederationProfile.writeAnchors(false);
    }

    private static long undelivered(long from, long to) {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox WHERE peer = 'nl'"
                + " AND seq BETWEEN " + from + " AND " + to + " AND delivered_at IS NULL");
    }

    /** Queued as the federation itself queues its own envelopes, with no decision before the sending's record. */
    private long enqueue(EnvelopeContent content) {
        FederationOutbox.Sending system = new FederationOutbox.Sending(new Actor(null, null, null,
                "interlock-federation", null), null, null, null, List.of());
        return outbox.enqueue("nl", content, system, (c, seq) -> seq);
    }

    private static long attempts(long seq) {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT attempts FROM federation.outbox WHERE seq = " + seq);
    }

    @Test
    void aPeerDownLosesNothingAndReceivesEachEnvelopeOnceInOrderWhenBack() throws Exception {
        peer.stop();
        long first = enqueue(FederationKeys.summary());
        long second = enqueue(FederationKeys.summary());
        long third = enqueue(FederationKeys.summary());

        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(first) >= 3);
        assertEquals(3, undelivered(first, third), "nothing delivered while the peer is down");
        assertEquals(0, attempts(second), "nothing overtakes the head");

        peer.start(peer.port());

        await().atMost(Duration.ofSeconds(20)).until(() -> undelivered(first, third) == 0);
        assertEquals(List.of(first, second, third), peer.accepted());
        assertEquals(3, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'SEND_ENVELOPE' AND sequence IN (" + first + ", " + second + ", " + third + ")"));
    }

    @Test
    void whileAnotherReplicaDeliversToAPeerThisOneSendsItNothing() throws Exception {
        long seq;
        try (OutboxStore.Lease otherReplica = store.lease("nl").orElseThrow()) {
            seq = enqueue(FederationKeys.summary());

            assertTrue(store.lease("nl").isEmpty(), "one replica at a time");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> !peer.accepted().contains(seq) && attempts(seq) == 0);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> peer.accepted().contains(seq));
    }

    @Test
    void anEnvelopeThePeerRefusesForWhatItIsIsGivenUpWithARecordAndTheRestGoOn() throws Exception {
        long first = enqueue(FederationKeys.summary());
        peer.refuse(first, new StandInPeer.Refusal(400, "malformed"));
        long second = enqueue(FederationKeys.summary());

        await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(second, second) == 0);

        assertEquals(List.of(second), peer.accepted().stream().filter(seq -> seq >= first).toList());
        assertEquals(3, attempts(first), "given up after the third refusal");
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox"
                + " WHERE seq = " + first + " AND abandoned_at IS NOT NULL AND delivered_at IS NULL"));
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'SEND_ENVELOPE' AND convert_from(leaf, 'UTF8') LIKE '%refused-by-peer%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%\"requestId\":\"" + first + "\"%'"),
                "the log says it never crossed");
    }

    @Test
    void anEnvelopeRefusedOnTrustIsTriedAgainAndHoldsItsPlace() throws Exception {
        long first = enqueue(FederationKeys.summary());
        peer.refuse(first, new StandInPeer.Refusal(403, "key-revoked"));
        long second = enqueue(FederationKeys.summary());

        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(first) > 3);

        assertEquals(2, undelivered(first, second), "an operator can mend trust: nothing is given up or overtaken");
        assertEquals(0, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox"
                + " WHERE seq = " + first + " AND abandoned_at IS NOT NULL"));
        peer.refuse(first, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(first, second) == 0);
    }

    @Test
    void onlyRefusalsInARowCountSoFailuresDuringAnOutageGiveNothingUp() throws Exception {
        peer.stop();
        long first = enqueue(FederationKeys.summary());
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(first) >= 3);
        long failedWhileDown = attempts(first);
        peer.refuse(first, new StandInPeer.Refusal(400, "malformed"));

        peer.start(peer.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(GatewayResource.DATABASE,
                "SELECT count(*) FROM federation.outbox WHERE seq = " + first + " AND abandoned_at IS NOT NULL") == 1);

        assertTrue(attempts(first) >= failedWhileDown + 3, "given up only after three refusals once the peer was back");
    }
}
