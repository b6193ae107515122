package org.interlock.gateway.federation;

import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeSigner;

/**
 * TEST ONLY: fixed federation keys (raw Ed25519 seeds, committed here and nowhere else) for this gateway ("home")
 * and the peer "nl" that sends to it, a key of nl's that is anchored but revoked, and a stranger's key.
 */
public final class FederationKeys {

    public static final String HOME_SEED = "WtyFgBBd4tGI6cXmhTCSfu+Ecd5U5nayQ4kOnm5WNoE=";
    public static final KeyPair HOME = pair(HOME_SEED);
    public static final KeyPair NL = pair("hbwJlsWgGAm8ahHNB7SX312k3CXMCgOshn6Bf5e1+Q4=");
    public static final KeyPair NL_REVOKED = pair("R/fu0rbX2hQatThBhpXMdybonhg5bNhzYcCOMcfalwA=");
    public static final KeyPair STRANGER = pair("3uJg1iwoazzwmlxDa4cLQyahzAl7Unw7glFCb2cLp/0=");
    /** Whom the summary is about. */
    public static final String SUMMARY_SUBJECT = "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61";
    /** What the summary says: it must never appear in an audit record. */
    public static final String PAYLOAD_TEXT = "returning from abroad";

    /** A peer's sequence numbers only increase, across tests and reruns against the same database. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FederationKeys() {
    }

    public static long nextSequence() {
        return SEQUENCE.incrementAndGet();
    }

    /** The trust anchors file: nl with its key (revoked when {@code nlRevoked}) and its old, revoked one. */
    public static String anchors(boolean nlRevoked) {
        return anchors(nlRevoked, "http://127.0.0.1:9");
    }

    /** The same, with nl's gateway at {@code gateway} (a stand-in peer in a test). */
    public static String anchors(boolean nlRevoked, String gateway) {
        return anchors(nlRevoked, gateway, URI.create(gateway).getHost(), null);
    }

    /**
     * The same, with the name nl's TLS client certificate carries and, unless null, the issuer that signs it
     * anchored.
     */
    public static String anchors(boolean nlRevoked, String gateway, String clientCertificateName,
            String clientCertificateIssuer) {
        String issuer = clientCertificateIssuer == null ? ""
                : "    clientCertificateIssuer: \"" + clientCertificateIssuer + "\"\n";
        return """
                version: 1
                peers:
                  - id: nl
                    gateway: %s
                    clientCertificateName: %s
                """.formatted(gateway, clientCertificateName) + issuer + """
                    keys:
                      - publicKey: %s
                        notBefore: 2026-01-01T00:00:00Z
                        notAfter: 2036-01-01T00:00:00Z
                        revoked: %s
                      - publicKey: %s
                        notBefore: 2025-01-01T00:00:00Z
                        notAfter: 2036-01-01T00:00:00Z
                        revoked: true
                """.formatted(spki(NL), nlRevoked, spki(NL_REVOKED));
    }

    public static EnvelopeSigner signer(String peer, KeyPair key) {
        return new EnvelopeSigner(peer, key, Clock.systemUTC());
    }

    public static EnvelopeContent summary() {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", "7f6c1e0e-52c4-4b8e-9d1a-0c3b3a5d2f10")
                .put("source", "/agencies/intelligence")
                .put("type", "org.interlock.intelligence.summary.shared.v1")
                .put("subject", SUMMARY_SUBJECT)
                .put("time", "2026-12-06T11:59:00Z")
                .put("datacontenttype", "application/json");
        event.putObject("data").put("summary", PAYLOAD_TEXT);
        return new EnvelopeContent(event, new HandlingConditions(Set.of("probation"), false, Optional.empty()),
                Optional.empty());
    }

    private static String spki(KeyPair key) {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    private static KeyPair pair(String seed) {
        PrivateKey key = Ed25519Keys.privateKey(seed);
        return new KeyPair(Ed25519Keys.publicKeyOf(key), key);
    }
}
