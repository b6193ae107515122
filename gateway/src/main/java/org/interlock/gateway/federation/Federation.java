package org.interlock.gateway.federation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.KeyId;
import org.interlock.federation.envelope.EnvelopeVerifier;
import org.interlock.federation.replay.Freshness;
import org.interlock.policy.loading.KnownPeers;
import org.interlock.policy.loading.PolicyException;
import org.jboss.logging.Logger;

/**
 * Whether this deployment federates, and if so as whom: its peer id, its federation key and its trust anchors,
 * all checked when the gateway starts. Enabled but misconfigured, the gateway does not start and says which key
 * is wrong; disabled, nothing of federation is built, no peer is known to the policy, and the endpoint is 404.
 */
@Singleton
@Startup
public class Federation {

    /**
     * The single point of contact for cross-border exchange: answers peers' requests for information, and acts for
     * its agency on what it released to peers (permissions, revocations).
     */
    public static final String SPOC_ROLE = "federation-spoc";

    /**
     * The Quarkus TLS configuration ({@code quarkus.tls.federation.*}) of the peers' HTTPS listener and of the
     * outbox's client: this deployment's certificate and the peers' CAs.
     */
    public static final String TLS_CONFIGURATION = "federation";

    private static final Logger LOG = Logger.getLogger(Federation.class);

    /** This deployment as a peer: what is only there when federation is enabled. */
    public record Self(String peerId, KeyPair key, AnchorsFile anchors, EnvelopeVerifier verifier,
                       int maxEnvelopeBytes, Duration retryInitial, Duration retryMax, boolean clientCertificateRequired) {
    }

    private final Optional<Self> self;

    public Federation(FederationConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> bodyLimit,
            @ConfigProperty(name = "quarkus.http.tls-configuration-name") Optional<String> listenerTls) {
        this.self = config.enabled() ? Optional.of(configure(config, bodyLimit, listenerTls)) : Optional.empty();
        self.ifPresent(s -> LOG.infof("Federation enabled as peer %s with key %s; %d peers anchored", s.peerId(),
                KeyId.of(s.key().getPublic()).toHex(), s.anchors().current().peers().size()));
    }

    public boolean enabled() {
        return self.isPresent();
    }

    /** This deployment as a peer, when federation is enabled. */
    public Optional<Self> self() {
        return self;
    }

    /** The peers a policy may name ({@code federation:<peer>}): the anchored ones, as the file says now. */
    public KnownPeers knownPeers() {
        return peer -> self.isPresent() && self.get().anchors().current().peer(peer).isPresent();
    }

    private static Self configure(FederationConfig config, Optional<MemorySize> bodyLimit,
            Optional<String> listenerTls) {
        String peerId = config.peerId().orElseThrow(() -> misconfigured("interlock.federation.peer-id is not set"));
        if (!FederationIds.peer(peerId)) {
            throw misconfigured("interlock.federation.peer-id '" + peerId
                    + "' must be lower-case letters, digits and dashes");
        }
        KeyPair key = signingKey(config);
        String anchorsPath = config.trustAnchors()
                .orElseThrow(() -> misconfigured("interlock.federation.trust-anchors (the trust anchors file) is not set"));
        AnchorsFile anchors;
        try {
            anchors = new AnchorsFile(Path.of(anchorsPath));
        } catch (PolicyException e) {
            throw misconfigured("the trust anchors do not load: " + e.getMessage());
        }
        if (anchors.current().peer(peerId).isPresent()) {
            throw misconfigured("the trust anchors name this deployment's own peer id '" + peerId + "'");
        }
        long max = config.maxEnvelopeSize().asLongValue();
        long limit = bodyLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (max < 1 || max > limit) {
            // Above the server's own limit a large envelope would be cut off unaudited, before the size guard.
            throw misconfigured("interlock.federation.max-envelope-size must be between 1 byte and"
                    + " quarkus.http.limits.max-body-size (" + limit + " bytes)");
        }
        EnvelopeVerifier verifier = new EnvelopeVerifier(anchors::current, new Freshness(config.skew()), (int) max,
                Clock.systemUTC());
        if (!config.retryInitial().isPositive() || config.retryMax().compareTo(config.retryInitial()) < 0) {
            throw misconfigured("interlock.federation.retry-initial must be positive and at most retry-max");
        }
        if (config.requireClientCertificate() && !listenerTls.equals(Optional.of(TLS_CONFIGURATION))) {
            // Without the peers' TLS listener no envelope could bring a certificate: say so at start instead.
            throw misconfigured("interlock.federation.require-client-certificate needs the peers' TLS listener"
                    + " (quarkus.http.tls-configuration-name=" + TLS_CONFIGURATION + ")");
        }
        return new Self(peerId, key, anchors, verifier, (int) max, config.retryInitial(), config.retryMax(),
                config.requireClientCertificate());
    }

    private static KeyPair signingKey(FederationConfig config) {
        String text;
        if (config.signingKey().isPresent() == config.signingKeyFile().isPresent()) {
            throw misconfigured("set exactly one of interlock.federation.signing-key and signing-key-file");
        }
        if (config.signingKey().isPresent()) {
            text = config.signingKey().get();
        } else {
            try {
                text = Files.readString(Path.of(config.signingKeyFile().get()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw misconfigured("interlock.federation.signing-key-file cannot be read: " + e.getMessage());
            }
        }
        try {
            PrivateKey key = Ed25519Keys.privateKey(text.strip());
            return new KeyPair(Ed25519Keys.publicKeyOf(key), key);
        } catch (IllegalArgumentException e) {
            throw misconfigured("the federation signing key is not an Ed25519 private key");
        }
    }

    private static IllegalStateException misconfigured(String problem) {
        return new IllegalStateException("Federation is enabled but misconfigured: " + problem);
    }
}
