package org.interlock.gateway.federation.send;

import static org.interlock.policy.Action.RECEIVE;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.contracts.Agency;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.policy.Principal;

/**
 * Another deployment as the exchange's recipient: put to the disclosure point like an inbox (no person, no purpose
 * of its own), matched only by agreements {@code to: federation:<peer>}; what it is released goes to its outbox.
 */
public record PeerRecipient(String peer) {

    /** The actor's client for what the exchange releases to a peer. */
    static final String CLIENT = "interlock-exchange";

    public Audience audience(List<String> purposes) {
        return new Audience(Principal.peer(peer), new Actor(null, Principal.PEER_PREFIX + peer, null, CLIENT, null),
                RECEIVE, purposes, null, Action.ROUTE_EVENT, Audience.Recording.PUSHED);
    }

    /**
     * The item's id: the same for the same source event and peer, so routing it again queues nothing twice; the
     * origin is part of it, as two agencies' events may carry the same id.
     */
    public String itemId(Agency origin, String sourceEventId) {
        return UUID.nameUUIDFromBytes(("interlock-copy:" + origin.id() + ":" + sourceEventId + ":"
                + Principal.PEER_PREFIX + peer).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
