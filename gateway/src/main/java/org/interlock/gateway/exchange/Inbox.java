package org.interlock.gateway.exchange;

import static org.interlock.policy.Action.RECEIVE;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Topics;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.policy.Principal;

/**
 * Where the exchange may route an event: a statutory agency's inbox, or a partner organisation's,
 * whose copies share the partners inbox and are told apart by their {@code recipient} extension.
 */
public record Inbox(Agency agency, String org) {

    /** The actor's client for everything the exchange does. */
    public static final String CLIENT = "interlock-exchange";

    public static Inbox agency(Agency agency) {
        return new Inbox(agency, null);
    }

    public static Inbox organisation(String org) {
        return new Inbox(Agency.PARTNERS, org);
    }

    /** How the inbox names its recipient: the organisation, else the agency. */
    public String id() {
        return org != null ? org : agency.id();
    }

    public String topic() {
        return Topics.inbox(agency);
    }

    public Actor actor() {
        return new Actor(null, agency.id(), org, CLIENT, null);
    }

    /** The inbox as the disclosure point sees it: no person, no purpose of its own, every purpose tried in order. */
    public Audience audience(List<String> purposes) {
        return new Audience(Principal.inbox(agency.id(), org), actor(), RECEIVE, purposes,
                null, Action.ROUTE_EVENT, Audience.Recording.PUSHED);
    }

    /**
     * The copy's event id: the same for the same source event and inbox, so a copy produced
     * again after a crash is a duplicate the inbox drops, never a second fact.
     */
    public String copyId(String sourceEventId) {
        return UUID.nameUUIDFromBytes(("interlock-copy:" + sourceEventId + ":" + id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
