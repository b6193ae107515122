package org.interlock.federation.trust;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The peers this deployment federates with, by peer id. Nobody else's envelope is ever accepted. */
public final class TrustAnchors {

    private final Map<String, Peer> peers = new LinkedHashMap<>();

    public TrustAnchors(List<Peer> peers) {
        for (Peer peer : peers) {
            if (this.peers.putIfAbsent(peer.id(), peer) != null) {
                throw new IllegalArgumentException("peer '" + peer.id() + "' is anchored twice");
            }
        }
    }

    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(peers.get(id));
    }

    public List<Peer> peers() {
        return List.copyOf(peers.values());
    }
}
