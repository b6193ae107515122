package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.federation.RefusalReason;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeSigner;
import org.interlock.federation.envelope.EnvelopeVerifier;
import org.interlock.federation.envelope.Verification;
import org.interlock.federation.replay.Freshness;
import org.interlock.federation.trust.TrustAnchorLoader;
import org.interlock.federation.trust.TrustAnchors;
import org.interlock.policy.loading.KnownPeers;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicyLoader;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;
import org.interlock.stack.StackConfig;
import org.interlock.stack.federation.FederationLayout;
import org.interlock.stack.federation.LocalFederation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code deploy/stack up --federation} writes (deploy/local-stack) read as the gateway reads it (libs/federation,
 * libs/policy): each side's anchors name the other, an envelope signed with one side's key is accepted by the other
 * side's anchors and by nobody else's, and each side's policy loads only with the other side anchored.
 */
class FederatedStackFilesTest {

    @TempDir
    Path data;

    private LocalFederation prepare() {
        StackConfig home = StackConfig.from(Map.of("INTERLOCK_STACK_DIR", data.toString()), TestKeycloak.repository());
        FederationLayout layout = FederationLayout.from(Map.of("INTERLOCK_STACK_FEDERATION", "true"), home)
                .orElseThrow();
        return LocalFederation.prepare(layout, Instant.now());
    }

    private static TrustAnchors anchors(Map<String, String> gateway) throws IOException, PolicyException {
        Path file = Path.of(gateway.get("INTERLOCK_FEDERATION_TRUST_ANCHORS"));
        try (Reader reader = Files.newBufferedReader(file)) {
            return new TrustAnchorLoader().load(file.toString(), reader);
        }
    }

    private static String signedBy(Map<String, String> gateway, String asPeer) throws IOException {
        PrivateKey key = Ed25519Keys.privateKey(
                Files.readString(Path.of(gateway.get("INTERLOCK_FEDERATION_SIGNING_KEY_FILE"))).strip());
        ObjectNode event = new ObjectMapper().createObjectNode().put("specversion", "1.0")
                .put("id", "7f6c1e0e-52c4-4b8e-9d1a-0c3b3a5d2f10").put("source", "/agencies/intelligence")
                .put("type", "org.interlock.intelligence.summary.shared.v1")
                .put("subject", "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61")
                .put("time", "2026-12-06T11:59:00Z");
        EnvelopeContent content = new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
        return new EnvelopeSigner(asPeer, new KeyPair(Ed25519Keys.publicKeyOf(key), key), Clock.systemUTC())
                .sign(content, 1).compact();
    }

    private static Verification verifiedBy(TrustAnchors anchors, String compact) {
        return new EnvelopeVerifier(() -> anchors, new Freshness(Duration.ofMinutes(5)),
                EnvelopeVerifier.DEFAULT_MAX_ENVELOPE_CHARS, Clock.systemUTC()).verify(compact);
    }

    @Test
    void eachSidesAnchorsNameTheOtherSideOnlyAtItsLoopbackGateway() throws Exception {
        LocalFederation federation = prepare();

        TrustAnchors home = anchors(federation.homeGatewayEnvironment());
        TrustAnchors abroad = anchors(federation.abroadGatewayEnvironment());

        assertEquals(List.of("abroad"), home.peers().stream().map(p -> p.id()).toList());
        assertEquals(URI.create("http://127.0.0.1:8280"), home.peer("abroad").orElseThrow().gateway());
        assertEquals(List.of("home"), abroad.peers().stream().map(p -> p.id()).toList());
        assertEquals(URI.create("http://127.0.0.1:8080"), abroad.peer("home").orElseThrow().gateway());
    }

    @Test
    void anEnvelopeSignedByOneSideIsAcceptedByTheOthersAnchors() throws Exception {
        LocalFederation federation = prepare();
        TrustAnchors abroadAnchors = anchors(federation.abroadGatewayEnvironment());
        TrustAnchors homeAnchors = anchors(federation.homeGatewayEnvironment());

        Verification atAbroad = verifiedBy(abroadAnchors, signedBy(federation.homeGatewayEnvironment(), "home"));
        Verification atHome = verifiedBy(homeAnchors, signedBy(federation.abroadGatewayEnvironment(), "abroad"));

        assertEquals("home", assertInstanceOf(Verification.Accepted.class, atAbroad).envelope().senderPeer());
        assertEquals("abroad", assertInstanceOf(Verification.Accepted.class, atHome).envelope().senderPeer());
    }

    @Test
    void oneSidesKeyCannotSpeakForTheOtherSide() throws Exception {
        LocalFederation federation = prepare();
        TrustAnchors abroadAnchors = anchors(federation.abroadGatewayEnvironment());

        Verification forged = verifiedBy(abroadAnchors, signedBy(federation.abroadGatewayEnvironment(), "home"));

        assertEquals(RefusalReason.UNKNOWN_KEY, assertInstanceOf(Verification.Refused.class, forged).reason());
    }

    @Test
    void eachSidesPolicyLoadsWithTheOtherSideAnchoredAndGrantsItReceiveOnly() throws Exception {
        LocalFederation federation = prepare();
        Path homePolicy = Path.of(federation.homeGatewayEnvironment().get("INTERLOCK_POLICY_DIRECTORY"))
                .resolve("interlock-policy.yaml");

        Policy policy;
        try (Reader reader = Files.newBufferedReader(homePolicy)) {
            policy = new PolicyLoader(Set.of("abroad")::contains).load(homePolicy.toString(), reader);
        }

        List<SharingAgreement> crossBorder = policy.agreements().stream()
                .filter(a -> a.to() instanceof Recipient.OfPeer).toList();
        assertEquals(Set.of(new Recipient.OfPeer("abroad")), Set.copyOf(crossBorder.stream().map(a -> a.to()).toList()));
        // Summaries, probation's risk, each statutory agency's requests for information, and prisons' and
        // probation's aggregate outcomes (issue 18).
        assertEquals(7, crossBorder.size());
    }

    @Test
    void withoutTheOtherSideAnchoredTheFederatedPolicyDoesNotLoad() throws Exception {
        LocalFederation federation = prepare();
        Path abroadPolicy = Path.of(federation.abroadGatewayEnvironment().get("INTERLOCK_POLICY_DIRECTORY"))
                .resolve("interlock-policy.yaml");

        PolicyException e = assertThrows(PolicyException.class, () -> {
            try (Reader reader = Files.newBufferedReader(abroadPolicy)) {
                new PolicyLoader(KnownPeers.NONE).load(abroadPolicy.toString(), reader);
            }
        });

        assertEquals(true, e.getMessage().contains("unknown peer 'home' in federation:home"));
    }
}
