package org.interlock.gateway.federation;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Federation with other Interlock deployments (ADR 0021). Off unless enabled; then every key but the limits is required. */
@ConfigMapping(prefix = "interlock.federation")
public interface FederationConfig {

    /** Whether this deployment federates. Off: POST /federation/v1/envelopes answers 404 and nothing else starts. */
    @WithDefault("false")
    boolean enabled();

    /** This deployment's peer id, as its peers anchor it (lower-case letters, digits, dashes; e.g. {@code nl}). */
    Optional<String> peerId();

    /**
     * This deployment's federation signing key, Ed25519 (PKCS#8 PEM, its base64 DER or the base64 raw seed); in
     * production the Secret behind INTERLOCK_FEDERATION_SIGNING_KEY. Never the audit log's key.
     */
    Optional<String> signingKey();

    /** The same key in a file (a mounted Secret), for when it is not given as {@code signing-key}. */
    Optional<String> signingKeyFile();

    /** The trust anchors file (YAML): the peers, their gateways and their keys. Re-read when it changes. */
    Optional<String> trustAnchors();

    /**
     * Whether an envelope must come over TLS with a client certificate the server's trust store verified and that
     * carries the name anchored for its signer (ADR 0021, mutual TLS). On, the gateway does not start unless its
     * HTTP server asks for client certificates ({@code quarkus.http.ssl.client-auth}). Off only where peers meet on
     * loopback (the local stack).
     */
    @WithDefault("false")
    boolean requireClientCertificate();

    /** The largest envelope accepted, checked from Content-Length before the body is read. */
    @WithDefault("256K")
    MemorySize maxEnvelopeSize();

    /** How far a peer's time of issue may be from this gateway's clock, either way. */
    @WithDefault("5m")
    Duration skew();

    /** The outbox's first wait after a failed delivery to a peer; it doubles with each failure. */
    @WithDefault("1s")
    Duration retryInitial();

    /** The longest wait between two attempts to deliver to a peer. */
    @WithDefault("1m")
    Duration retryMax();
}
