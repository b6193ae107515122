package org.interlock.gateway.federation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Actor;
import org.interlock.federation.envelope.SignedEnvelope;
import org.interlock.gateway.federation.receive.ClientCertificate;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS between gateways (ADR 0021): an envelope comes over TLS with a client certificate the gateway's trust
 * store verified and that is issued to the name anchored for the envelope's signer, or it is refused and audited
 * with nothing stored; and the outbox presents this deployment's certificate to a peer that requires one.
 */
@QuarkusTest
@TestProfile(MutualTlsProfile.class)
@QuarkusTestResource(GatewayResource.class)
class MutualTlsTest {

    private static final String PATH = "/federation/v1/envelopes";

    /** The HTTPS listener; reached as localhost, the name home's certificate is issued to. */
    @TestHTTPResource(value = "/", tls = true)
    URL tls;

    @Inject
    FederationOutbox outbox;

    private StandInPeer peer;

    @AfterEach
    void restoreTheAnchors() throws Exception {
        if (peer != null) {
            peer.close();
        }
        FederationProfile.writeAnchors(MutualTlsProfile.anchors(MutualTlsProfile.NL_GATEWAY));
    }

    /** An envelope nl signed, with the sequence number it carries. */
    private record FromNl(long sequence, SignedEnvelope envelope) {
    }

    private static FromNl fromNl() {
        long sequence = FederationKeys.nextSequence();
        return new FromNl(sequence, FederationKeys.signer("nl", FederationKeys.NL).sign(FederationKeys.summary(),
                sequence));
    }

    private HttpResponse<String> post(SSLContext client, FromNl sent) throws Exception {
        SignedEnvelope envelope = sent.envelope();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + tls.getPort() + PATH))
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.compact(), StandardCharsets.US_ASCII)).build();
        try (HttpClient http = HttpClient.newBuilder().sslContext(client).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String code) {
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("urn:interlock:problem:federation:" + code, new JsonObject(answer.body()).getString("type"));
    }

    private static void assertOneRecord(long mark, Decision decision) {
        List<AuditRecord> records = ReceiptAudit.since(mark);
        assertEquals(1, records.size(), records.toString());
        assertEquals(decision, records.getFirst().decision());
    }

    @Test
    void anEnvelopeOverTlsWithTheSignersCertificateIsAccepted() throws Exception {
        FromNl envelope = fromNl();

        HttpResponse<String> answer = post(PeerCertificates.NL.context(PeerCertificates.HOME), envelope);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("accepted", new JsonObject(answer.body()).getString("outcome"));
        assertEquals(1, ReceiptAudit.stored("nl", envelope.sequence()));
    }

    @Test
    void withoutAClientCertificateAnEnvelopeIsRefusedAndAudited() throws Exception {
        FromNl envelope = fromNl();
        long mark = ReceiptAudit.mark();

        assertRefused(post(PeerCertificates.Party.anonymous(PeerCertificates.HOME), envelope),
                "client-certificate-required");

        assertOneRecord(mark, Decision.deny("client-certificate-required"));
        assertEquals(0, ReceiptAudit.stored("nl", envelope.sequence()));
    }

    @Test
    void thePlainListenerDoesNotAnswerThePeerInterfaceAndRecordsNothing() {
        FromNl envelope = fromNl();
        long mark = ReceiptAudit.mark();

        String problem = given().contentType("application/jose")
                .body(envelope.envelope().compact().getBytes(StandardCharsets.US_ASCII)).post(PATH)
                .then().statusCode(404).extract().jsonPath().getString("type");

        assertEquals("urn:interlock:problem:not-found", problem);
        assertEquals(List.of(), ReceiptAudit.since(mark), "anyone reaching the user Ingress writes no audit record");
        assertEquals(0, ReceiptAudit.stored("nl", envelope.sequence()));
    }

    @Test
    void aTrustedCertificateIssuedToAnotherNameCannotCarryNlsEnvelope() throws Exception {
        FromNl envelope = fromNl();
        long mark = ReceiptAudit.mark();

        assertRefused(post(PeerCertificates.OTHER.context(PeerCertificates.HOME), envelope),
                "client-certificate-mismatch");

        assertOneRecord(mark, Decision.deny("client-certificate-mismatch"));
        assertEquals(0, ReceiptAudit.stored("nl", envelope.sequence()));
        assertEquals(200, post(PeerCertificates.NL.context(PeerCertificates.HOME), fromNl()).statusCode(),
                "nl's own certificate still carries its envelopes");
    }

    @Test
    void aTrustedCaIssuingInNlsNameCannotCarryNlsEnvelopeNorCanNlsOwnWhenNoIssuerIsAnchored() throws Exception {
        FromNl envelope = fromNl();
        long mark = ReceiptAudit.mark();

        assertRefused(post(PeerCertificates.IMPOSTOR.context(PeerCertificates.HOME), envelope),
                "client-certificate-mismatch");
        assertOneRecord(mark, Decision.deny("client-certificate-mismatch"));

        FederationProfile.writeAnchors(FederationKeys.anchors(false, MutualTlsProfile.NL_GATEWAY,
                PeerCertificates.NL_NAME, null));
        assertRefused(post(PeerCertificates.NL.context(PeerCertificates.HOME), fromNl()),
                "client-certificate-mismatch");
        assertEquals(0, ReceiptAudit.stored("nl", envelope.sequence()));
    }

    @Test
    void aCertificateTheTrustStoreDoesNotHoldEndsTheHandshakeWhatEverNameItCarries() {
        FromNl envelope = fromNl();

        assertThrows(IOException.class, () -> post(PeerCertificates.STRANGER.context(PeerCertificates.HOME), envelope));
        assertEquals(0, ReceiptAudit.stored("nl", envelope.sequence()));
    }

    @Test
    void thePeersListenerAnswersThePeerInterfaceOnlyTheUsersListenerTheRest() throws Exception {
        // A peer's certificate is an authenticated identity to Quarkus: no resource but the envelopes may see it.
        for (String path : List.of("/audit/v1/records", "/q/health", "/federation/v1/envelopes/../../audit/v1/records",
                "/console/", "/feeds/v1/ws", "/api/v1/people")) {
            HttpResponse<String> answer = getOverTls(path);
            assertEquals(404, answer.statusCode(), path + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        }
        // An empty segment is refused as malformed before anything is routed, on either listener.
        assertEquals(400, getOverTls("//federation/v1/envelopes").statusCode());
        given().get("/audit/v1/records").then().statusCode(401);
    }

    private HttpResponse<String> getOverTls(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + tls.getPort() + path))
                .GET().build();
        try (HttpClient http = HttpClient.newBuilder()
                .sslContext(PeerCertificates.NL.context(PeerCertificates.HOME)).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theOutboxPresentsThisDeploymentsCertificateToAPeerThatRequiresOne() throws Exception {
        peer = StandInPeer.overMutualTls(PeerCertificates.NL, PeerCertificates.HOME);
        int port = peer.start(0);
        FederationProfile.writeAnchors(MutualTlsProfile.anchors("https://localhost:" + port));

        FederationOutbox.Sending system = new FederationOutbox.Sending(new Actor(null, null, null,
                "interlock-federation", null), null, null, null, List.of());
        long seq = outbox.enqueue("nl", FederationKeys.summary(), system, (c, queued) -> queued);

        await().atMost(Duration.ofSeconds(20)).until(() -> peer.accepted().contains(seq));
        ClientCertificate presented = peer.clientCertificates().getLast();
        assertTrue(presented.carries("localhost"), "home's own certificate: " + presented.names());
    }
}
