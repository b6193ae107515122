package org.interlock.federation.envelope;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.KeyId;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.replay.ReplayWindow;
import org.interlock.federation.trust.AnchorKey;
import org.interlock.federation.trust.Peer;
import org.interlock.federation.trust.TrustAnchors;

/** Two peers, their keys and anchors, and a forge for envelopes no honest signer would write. */
final class Federation {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofMinutes(5);
    static final int MAX_CHARS = 64 * 1024;
    static final KeyPair NL_KEY = Ed25519Keys.generate();
    static final KeyPair BE_KEY = Ed25519Keys.generate();
    static final KeyPair STRANGER_KEY = Ed25519Keys.generate();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Federation() {
    }

    static AnchorKey anchor(KeyPair key, Instant notBefore, Instant notAfter, boolean revoked) {
        return new AnchorKey(KeyId.of(key.getPublic()), key.getPublic(), notBefore, notAfter, revoked);
    }

    static AnchorKey validAnchor(KeyPair key) {
        return anchor(key, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(300)), false);
    }

    /** Peer {@code nl} with the given anchor for its key, and peer {@code be} with its own valid key. */
    static TrustAnchors anchorsWithNl(AnchorKey nlKey) {
        return new TrustAnchors(List.of(
                new Peer("nl", URI.create("https://federation.nl.example"), List.of(nlKey)),
                new Peer("be", URI.create("https://federation.be.example"), List.of(validAnchor(BE_KEY)))));
    }

    static TrustAnchors anchors() {
        return anchorsWithNl(validAnchor(NL_KEY));
    }

    static EnvelopeVerifier verifier(TrustAnchors anchors) {
        return new EnvelopeVerifier(() -> anchors, new ReplayWindow(SKEW, 1000), MAX_CHARS, CLOCK);
    }

    static EnvelopeSigner nlSigner(Instant at) {
        return new EnvelopeSigner("nl", NL_KEY, Clock.fixed(at, ZoneOffset.UTC));
    }

    static EnvelopeContent content() {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", "7f6c1e0e-52c4-4b8e-9d1a-0c3b3a5d2f10")
                .put("source", "/agencies/intelligence")
                .put("type", "org.interlock.intelligence.summary.shared.v1")
                .put("subject", "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61")
                .put("time", "2026-12-06T11:59:00Z")
                .put("datacontenttype", "application/json");
        event.putObject("data").put("summary", "returning from abroad");
        return new EnvelopeContent(event,
                new HandlingConditions(Set.of("probation"), false, Optional.of(NOW.plus(Duration.ofDays(90)))),
                Optional.empty());
    }

    /** A header and payload that an honest {@code nl} would send, to be changed one member at a time. */
    static Forge forge() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", "interlock-federation+jws");
        header.put("kid", KeyId.of(NL_KEY.getPublic()).toHex());
        header.put("iss", "nl");
        header.put("jti", UUID.randomUUID().toString());
        header.put("iat", NOW.getEpochSecond());
        header.put("seq", 7L);
        return new Forge(header, PayloadCodec.write(content()));
    }

    record Forge(Map<String, Object> header, String payload) {

        Forge with(String name, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(header);
            changed.put(name, value);
            return new Forge(changed, payload);
        }

        Forge without(String name) {
            Map<String, Object> changed = new LinkedHashMap<>(header);
            changed.remove(name);
            return new Forge(changed, payload);
        }

        Forge payload(String json) {
            return new Forge(header, json);
        }

        String signingInput() {
            try {
                return encode(JSON.writeValueAsBytes(header)) + "." + encode(payload.getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signed with Ed25519 by {@code key}, whatever the header says. */
        String signedBy(KeyPair key) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key.getPrivate());
                String input = signingInput();
                signature.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
