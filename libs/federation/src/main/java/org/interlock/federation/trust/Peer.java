package org.interlock.federation.trust;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.interlock.audit.head.KeyId;

/** Another Interlock deployment: its peer id, where its federation gateway answers, and its anchored keys. */
public record Peer(String id, URI gateway, List<AnchorKey> keys) {

    public Peer {
        keys = List.copyOf(keys);
    }

    /** The anchored key with this id; a key anchored for another peer is not this peer's. */
    public Optional<AnchorKey> key(KeyId keyId) {
        return keys.stream().filter(key -> key.id().equals(keyId)).findFirst();
    }
}
