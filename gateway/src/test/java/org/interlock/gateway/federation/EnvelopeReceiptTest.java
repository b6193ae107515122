package org.interlock.gateway.federation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.envelope.SignedEnvelope;
import org.interlock.gateway.enforcement.RawHttp;
import org.interlock.gateway.federation.receive.Receipt;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;

/**
 * The peer interface on a federating gateway: what a peer posts is accepted once, stored and audited; every
 * refusal is answered with a problem typed by its code and audited with what the envelope claimed, never its
 * payload; and none of it needs a realm token.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
@QuarkusTestResource(GatewayResource.class)
class EnvelopeReceiptTest {

    private static final String PATH = "/federation/v1/envelopes";
    private static final String CLIENT = "interlock-federation";

    @TestHTTPResource("/")
    URL gateway;

    private static Response post(String compact) {
        return given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII)).post(PATH);
    }

    private static SignedEnvelope fromNl(long sequence) {
        return FederationKeys.signer("nl", FederationKeys.NL).sign(FederationKeys.summary(), sequence);
    }

    private static void assertRecorded(AuditRecord record, String peer, Long sequence, String envelopeId,
            Decision decision) {
        assertEquals(Action.RECEIVE_ENVELOPE, record.action());
        assertEquals(new Actor(peer == null ? null : "federation:" + peer, null, null, CLIENT, null), record.actor());
        // Only an accepted envelope is authentic: only its record names the person it is about.
        String person = decision.equals(Decision.permit("accepted")) ? FederationKeys.SUMMARY_SUBJECT : null;
        assertEquals(new Resource("federation-envelope", sequence == null ? null : sequence.toString(), person, null,
                null), record.resource());
        assertEquals(envelopeId, record.requestId());
        assertEquals(decision, record.decision());
    }

    private static void assertRefused(Response answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:federation:" + code, answer.jsonPath().getString("type"));
        assertEquals(status, answer.jsonPath().getInt("status"));
        assertEquals(PATH, answer.jsonPath().getString("instance"));
        assertTrue(!answer.asString().contains(FederationKeys.PAYLOAD_TEXT), "never the payload in a problem");
    }

    @Test
    void anAcceptedEnvelopeIsStoredWithItsAuditRecordAndNeedsNoRealmToken() {
        long mark = ReceiptAudit.mark();
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope envelope = fromNl(sequence);

        Response answer = post(envelope.compact());

        assertEquals(200, answer.statusCode(), answer.asString());
        List<AuditRecord> records = ReceiptAudit.since(mark);
        assertEquals(1, records.size());
        assertRecorded(records.getFirst(), "nl", sequence, envelope.envelopeId(), Decision.permit("accepted"));
        assertEquals(new Receipt("accepted", "nl", sequence, envelope.envelopeId(), records.getFirst().sequence()),
                answer.as(Receipt.class));
        assertEquals(1, ReceiptAudit.stored("nl", sequence));
    }

    @Test
    void aReSignedRetryOfAReceivedSendingIsAnsweredAlreadyReceivedAndStoredOnce() {
        long sequence = FederationKeys.nextSequence();
        long receipt = post(fromNl(sequence).compact()).jsonPath().getLong("receipt");
        long mark = ReceiptAudit.mark();
        SignedEnvelope retry = fromNl(sequence);

        Response answer = post(retry.compact());

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(new Receipt("already-received", "nl", sequence, retry.envelopeId(), receipt),
                answer.as(Receipt.class));
        List<AuditRecord> records = ReceiptAudit.since(mark);
        assertEquals(1, records.size());
        assertRecorded(records.getFirst(), "nl", sequence, retry.envelopeId(), Decision.permit("already-received"));
        assertEquals(1, ReceiptAudit.stored("nl", sequence));
    }

    @Test
    void theSameEnvelopeAgainIsRefusedAsReplayedAndAudited() {
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope envelope = fromNl(sequence);
        assertEquals(200, post(envelope.compact()).statusCode());
        long mark = ReceiptAudit.mark();

        Response answer = post(envelope.compact());

        assertRefused(answer, 409, "replayed");
        List<AuditRecord> records = ReceiptAudit.since(mark);
        assertEquals(1, records.size());
        assertRecorded(records.getFirst(), "nl", sequence, envelope.envelopeId(), Decision.deny("replayed"));
        assertEquals(1, ReceiptAudit.stored("nl", sequence));
    }

    @Test
    void aSendingBelowTheLastReceivedIsRefusedAsOutOfSequence() {
        long earlier = FederationKeys.nextSequence();
        long later = FederationKeys.nextSequence();
        assertEquals(200, post(fromNl(later).compact()).statusCode());
        long mark = ReceiptAudit.mark();
        SignedEnvelope late = fromNl(earlier);

        assertRefused(post(late.compact()), 409, "sequence-not-increasing");

        assertRecorded(ReceiptAudit.since(mark).getFirst(), "nl", earlier, late.envelopeId(),
                Decision.deny("sequence-not-increasing"));
        assertEquals(0, ReceiptAudit.stored("nl", earlier));
    }

    @Test
    void anEnvelopeAlteredInTransitIsRefusedAsBadSignatureAndAudited() {
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope envelope = fromNl(sequence);
        String[] parts = envelope.compact().split("\\.");
        char swapped = parts[1].charAt(20) == 'A' ? 'B' : 'A';
        String altered = parts[0] + "." + parts[1].substring(0, 20) + swapped + parts[1].substring(21) + "." + parts[2];
        long mark = ReceiptAudit.mark();

        Response answer = post(altered);

        assertRefused(answer, 401, "bad-signature");
        assertEquals("interlock-federation-jws", answer.header("WWW-Authenticate"));
        assertRecorded(ReceiptAudit.since(mark).getFirst(), "nl", sequence, envelope.envelopeId(),
                Decision.deny("bad-signature"));
        assertEquals(0, ReceiptAudit.stored("nl", sequence));
    }

    @Test
    void anEnvelopeSignedByAKeyNotAnchoredForThePeerIsRefusedAsUnknownKey() {
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope forged = FederationKeys.signer("nl", FederationKeys.STRANGER)
                .sign(FederationKeys.summary(), sequence);
        long mark = ReceiptAudit.mark();

        assertRefused(post(forged.compact()), 401, "unknown-key");

        assertRecorded(ReceiptAudit.since(mark).getFirst(), "nl", sequence, forged.envelopeId(),
                Decision.deny("unknown-key"));
    }

    @Test
    void anEnvelopeFromAPeerNotAnchoredIsRefusedAsUnknownPeer() {
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope stranger = FederationKeys.signer("be", FederationKeys.STRANGER)
                .sign(FederationKeys.summary(), sequence);
        long mark = ReceiptAudit.mark();

        assertRefused(post(stranger.compact()), 401, "unknown-peer");

        assertRecorded(ReceiptAudit.since(mark).getFirst(), "be", sequence, stranger.envelopeId(),
                Decision.deny("unknown-peer"));
    }

    @Test
    void anEnvelopeSignedWithARevokedAnchorIsRefused() {
        long sequence = FederationKeys.nextSequence();
        SignedEnvelope envelope = FederationKeys.signer("nl", FederationKeys.NL_REVOKED)
                .sign(FederationKeys.summary(), sequence);
        long mark = ReceiptAudit.mark();

        assertRefused(post(envelope.compact()), 403, "key-revoked");

        assertRecorded(ReceiptAudit.since(mark).getFirst(), "nl", sequence, envelope.envelopeId(),
                Decision.deny("key-revoked"));
    }

    @Test
    void revokingTheAnchorInTheFileStopsThePeerWithTheNextEnvelope() {
        assertEquals(200, post(fromNl(FederationKeys.nextSequence()).compact()).statusCode());
        try {
            FederationProfile.writeAnchors(true);

            assertRefused(post(fromNl(FederationKeys.nextSequence()).compact()), 403, "key-revoked");
        } finally {
            FederationProfile.writeAnchors(false);
        }
        assertEquals(200, post(fromNl(FederationKeys.nextSequence()).compact()).statusCode());
    }

    @Test
    void anOversizedEnvelopeIsRefusedFromItsLengthBeforeItsBodyIsReadAndAudited() {
        long mark = ReceiptAudit.mark();

        // The declared length alone (over the envelope maximum, under the server's own body limit): not a byte of
        // the body is sent, so an answer proves none was read.
        RawHttp.Answer answer = new RawHttp(gateway.getPort()).send("POST", PATH,
                Map.of("Content-Type", "application/jose", "Content-Length", "100000"), null);

        assertEquals(413, answer.status(), answer.toString());
        assertTrue(answer.body().contains("\"type\":\"urn:interlock:problem:federation:oversized\""), answer.body());
        assertRecorded(ReceiptAudit.since(mark).getFirst(), null, null, null, Decision.deny("oversized"));
    }

    @Test
    void theSizeIsCheckedOnThePathWithATrailingSlashToo() {
        RawHttp.Answer answer = new RawHttp(gateway.getPort()).send("POST", PATH + "/",
                Map.of("Content-Type", "application/jose", "Content-Length", "100000"), null);

        assertEquals(413, answer.status(), answer.toString());
    }

    @Test
    void anEnvelopeJustOverTheMaximumIsRefusedAsOversized() {
        long mark = ReceiptAudit.mark();
        String big = "a".repeat(FederationProfile.MAX_ENVELOPE_BYTES + 1);

        Response answer = post(big);

        assertRefused(answer, 413, "oversized");
        assertEquals("Content-Length 16385 is over the maximum of 16384 bytes", answer.jsonPath().getString("detail"));
        assertRecorded(ReceiptAudit.since(mark).getFirst(), null, null, null, Decision.deny("oversized"));
    }

    @Test
    void aBodyThatIsNoEnvelopeIsRefusedAsMalformedAndAudited() {
        long mark = ReceiptAudit.mark();

        assertRefused(post("not-an.envelope"), 400, "malformed");
        assertRefused(given().contentType("application/json").body("{}".getBytes(StandardCharsets.US_ASCII)).post(PATH), 400, "malformed");

        List<AuditRecord> records = ReceiptAudit.since(mark);
        assertEquals(2, records.size());
        records.forEach(record -> assertRecorded(record, null, null, null, Decision.deny("malformed")));
    }
}
