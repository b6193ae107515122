package org.interlock.gateway.disclosure;

import java.util.List;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.policy.Principal;

/**
 * To whom, on which channel and why something would be disclosed.
 *
 * @param action           what the policy is asked (read, subscribe, receive)
 * @param purposes         the purposes to decide under, in order: the first one permitted is
 *                         used (an inbox declares none, so the exchange gives every purpose)
 * @param breakGlassReason the stated emergency reason, or null
 * @param logged           what the audit record calls it (DISCLOSE_REST, ROUTE_EVENT, PUSH_FEED)
 * @param recording        which refusals are recorded
 */
public record Audience(Principal principal, Actor actor, org.interlock.policy.Action action, List<String> purposes,
        String breakGlassReason, Action logged, Recording recording) {

    public Audience {
        purposes = List.copyOf(purposes);
    }

    /**
     * Which decisions leave an audit record. Every permit, every failed obligation and every
     * refusal by a condition of an agreement that names the audience always do. "No agreement
     * names this audience" (or "not for this purpose") is the silent default on the push channels
     * (inboxes, feeds), where nobody asked; a caller who asked (REST) has it recorded when nothing
     * else about the record would be.
     */
    public enum Recording {
        /** The audience asked for the record (REST). */
        ASKED,
        /** The record was pushed to the audience (the exchange's inboxes, feeds). */
        PUSHED
    }
}
