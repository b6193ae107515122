package org.interlock.federation.trust;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.interlock.audit.head.KeyId;

/**
 * Another Interlock deployment: its peer id, where its federation gateway answers, its anchored keys, and how its
 * TLS client certificate is known where mutual TLS is required (ADR 0021): the name it carries (a DNS
 * subjectAltName, or the subject CN of a certificate without subjectAltNames; by default the host of its gateway
 * URL) and the issuer that signed it. The trust store holds every peer's CA, so the issuer is what keeps one
 * peer's CA from vouching for another peer's name.
 */
public record Peer(String id, URI gateway, List<AnchorKey> keys, String clientCertificateName,
                   Optional<X500Principal> clientCertificateIssuer) {

    public Peer {
        keys = List.copyOf(keys);
        clientCertificateName = clientCertificateName.toLowerCase(Locale.ROOT);
    }

    /** A peer whose client certificate is issued to its gateway's host, by no issuer anchored. */
    public Peer(String id, URI gateway, List<AnchorKey> keys) {
        this(id, gateway, keys, gateway.getHost(), Optional.empty());
    }

    /** The anchored key with this id; a key anchored for another peer is not this peer's. */
    public Optional<AnchorKey> key(KeyId keyId) {
        return keys.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }
}
