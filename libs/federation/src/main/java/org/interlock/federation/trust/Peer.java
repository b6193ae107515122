package org.interlock.federation.trust;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.interlock.audit.head.KeyId;

/**
 * Another Interlock deployment: its peer id, where its federation gateway answers, its anchored keys, and the name
 * its TLS client certificate carries (a DNS subjectAltName, or the subject CN of a certificate without one), which
 * binds the transport to the signer when mutual TLS is required: by default the host of its gateway URL.
 */
public record Peer(String id, URI gateway, List<AnchorKey> keys, String clientCertificateName) {

    public Peer {
        keys = List.copyOf(keys);
        clientCertificateName = clientCertificateName.toLowerCase(Locale.ROOT);
    }

    /** A peer whose client certificate is issued to its gateway's host. */
    public Peer(String id, URI gateway, List<AnchorKey> keys) {
        this(id, gateway, keys, gateway.getHost());
    }

    /** The anchored key with this id; a key anchored for another peer is not this peer's. */
    public Optional<AnchorKey> key(KeyId keyId) {
        return keys.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }
}
