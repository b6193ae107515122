package org.interlock.gateway.exchange;

import java.util.UUID;

import org.interlock.contracts.Agency;
import org.interlock.policy.Principal;

/**
 * Who an event may be routed to: a statutory agency's inbox, or a partner organisation, whose
 * copies share the partners inbox and are told apart by their {@code recipient} extension.
 */
public record Recipient(Agency agency, String org) {

    public static Recipient agency(Agency agency) {
        return new Recipient(agency, null);
    }

    public static Recipient organisation(String org) {
        return new Recipient(Agency.PARTNERS, org);
    }

    /** How the inbox names its recipient: the organisation, else the agency. */
    public String id() {
        return org != null ? org : agency.id();
    }

    public String inboxTopic() {
        return "interlock.inbox." + agency.id();
    }

    public Principal principal() {
        return Principal.inbox(agency.id(), org);
    }

    /**
     * The copy's event id: the same for the same source event and recipient, so a copy produced
     * again after a crash is a duplicate the recipient's inbox drops, never a second fact.
     */
    public String copyId(String sourceEventId) {
        return UUID.nameUUIDFromBytes(("interlock-copy:" + sourceEventId + ":" + id())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
