package org.interlock.gateway.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enabled federation starts only when every key is set and usable, and says which one is not. */
class FederationConfigurationTest {

    private static final Optional<MemorySize> BODY_LIMIT = Optional.of(new MemorySize(BigInteger.valueOf(262144)));
    /** No quarkus.http.tls-configuration-name: no TLS listener for peers. */
    private static final Optional<String> NO_PEER_LISTENER = Optional.empty();

    @TempDir
    Path dir;

    record Config(boolean enabled, Optional<String> peerId, Optional<String> signingKey,
                  Optional<String> signingKeyFile, Optional<String> trustAnchors, MemorySize maxEnvelopeSize,
                  Duration skew, boolean requireClientCertificate) implements FederationConfig {

        @Override
        public Duration retryInitial() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration retryMax() {
            return Duration.ofMinutes(1);
        }

        Config with(Optional<String> peer, Optional<String> key, Optional<String> keyFile, Optional<String> anchors) {
            return new Config(enabled, peer, key, keyFile, anchors, maxEnvelopeSize, skew, requireClientCertificate);
        }

        Config requiringClientCertificates() {
            return new Config(enabled, peerId, signingKey, signingKeyFile, trustAnchors, maxEnvelopeSize, skew, true);
        }
    }

    private Config valid() throws IOException {
        Path anchors = dir.resolve("trust-anchors.yaml");
        Files.writeString(anchors, FederationKeys.anchors(false));
        return new Config(true, Optional.of("home"), Optional.of(FederationKeys.HOME_SEED), Optional.empty(),
                Optional.of(anchors.toString()), new MemorySize(BigInteger.valueOf(262144)), Duration.ofMinutes(5), false);
    }

    private static String failure(FederationConfig config) {
        return assertThrows(IllegalStateException.class, () -> new Federation(config, BODY_LIMIT, NO_PEER_LISTENER)).getMessage();
    }

    @Test
    void aCompleteConfigurationStartsAsThatPeerKnowingItsAnchoredPeers() throws IOException {
        Federation federation = new Federation(valid(), BODY_LIMIT, NO_PEER_LISTENER);

        assertEquals("home", federation.self().orElseThrow().peerId());
        assertTrue(federation.knownPeers().anchored("nl"));
        assertFalse(federation.knownPeers().anchored("be"));
    }

    @Test
    void disabledNothingIsReadAndNoPeerIsKnown() {
        Federation federation = new Federation(new Config(false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("/nowhere/anchors.yaml"), new MemorySize(BigInteger.ONE), Duration.ofMinutes(5), false), BODY_LIMIT, NO_PEER_LISTENER);

        assertFalse(federation.enabled());
        assertFalse(federation.knownPeers().anchored("nl"));
    }

    @Test
    void enabledWithoutAPeerIdDoesNotStart() throws IOException {
        Config config = valid();

        assertEquals("Federation is enabled but misconfigured: interlock.federation.peer-id is not set",
                failure(config.with(Optional.empty(), config.signingKey(), Optional.empty(), config.trustAnchors())));
    }

    @Test
    void enabledWithoutAKeyOrWithTwoDoesNotStart() throws IOException {
        Config config = valid();
        String expected = "Federation is enabled but misconfigured: set exactly one of"
                + " interlock.federation.signing-key and signing-key-file";

        assertEquals(expected, failure(config.with(config.peerId(), Optional.empty(), Optional.empty(),
                config.trustAnchors())));
        assertEquals(expected, failure(config.with(config.peerId(), config.signingKey(), Optional.of("/k"),
                config.trustAnchors())));
    }

    @Test
    void theKeyMayComeFromAFileButMustBeAnEd25519Key() throws IOException {
        Config config = valid();
        Path key = dir.resolve("federation.key");
        Files.writeString(key, FederationKeys.HOME_SEED + "\n");
        assertEquals("home", new Federation(config.with(config.peerId(), Optional.empty(), Optional.of(key.toString()),
                config.trustAnchors()), BODY_LIMIT, NO_PEER_LISTENER).self().orElseThrow().peerId());

        Files.writeString(key, "not a key");
        assertEquals("Federation is enabled but misconfigured: the federation signing key is not an Ed25519 private key",
                failure(config.with(config.peerId(), Optional.empty(), Optional.of(key.toString()),
                        config.trustAnchors())));
    }

    @Test
    void anchorsThatDoNotLoadStopTheStartNamingFileAndLine() throws IOException {
        Config config = valid();
        Path anchors = dir.resolve("broken.yaml");
        Files.writeString(anchors, "version: 1\npeers:\n  - id: NL\n");

        assertEquals("Federation is enabled but misconfigured: the trust anchors do not load: " + anchors
                + ":3: peer id 'NL' must be lower-case letters, digits and dashes",
                failure(config.with(config.peerId(), config.signingKey(), Optional.empty(),
                        Optional.of(anchors.toString()))));
    }

    @Test
    void anchorsNamingThisDeploymentItselfStopTheStart() throws IOException {
        Config config = valid();

        assertEquals("Federation is enabled but misconfigured: the trust anchors name this deployment's own peer id"
                + " 'nl'", failure(config.with(Optional.of("nl"), config.signingKey(), Optional.empty(),
                config.trustAnchors())));
    }

    @Test
    void anEnvelopeMaximumAboveTheServersBodyLimitStopsTheStart() throws IOException {
        Config config = valid();
        Config tooLarge = new Config(true, config.peerId(), config.signingKey(), Optional.empty(), config.trustAnchors(),
                new MemorySize(BigInteger.valueOf(262145)), config.skew(), false);

        assertEquals("Federation is enabled but misconfigured: interlock.federation.max-envelope-size must be between"
                + " 1 byte and quarkus.http.limits.max-body-size (262144 bytes)", failure(tooLarge));
    }

    @Test
    void requiringClientCertificatesOfPeersStartsOnlyWithThePeersTlsListener() throws IOException {
        Config config = valid().requiringClientCertificates();

        assertEquals("Federation is enabled but misconfigured: interlock.federation.require-client-certificate needs"
                + " the peers' TLS listener (quarkus.http.tls-configuration-name=federation)", failure(config));
        assertEquals("Federation is enabled but misconfigured: interlock.federation.require-client-certificate needs"
                + " the peers' TLS listener (quarkus.http.tls-configuration-name=federation)",
                assertThrows(IllegalStateException.class, () -> new Federation(config, BODY_LIMIT,
                        Optional.of("another"))).getMessage());
        assertTrue(new Federation(config, BODY_LIMIT, Optional.of("federation")).self().orElseThrow()
                .clientCertificateRequired());
        assertFalse(new Federation(valid(), BODY_LIMIT, NO_PEER_LISTENER).self().orElseThrow().clientCertificateRequired());
    }
}
