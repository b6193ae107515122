package org.interlock.policy;

import java.util.Locale;

/** What a principal wants to do with a resource: the closed set the policy speaks about. */
public enum Action {
    /** Read a record through the REST API. */
    READ,
    /** Record a fact: only the owning agency's staff ever may. */
    WRITE,
    /** Have an event routed by the exchange to an inbox (an agency or a partner organisation). */
    RECEIVE,
    /** Have an event pushed on a live feed (analysts). */
    SUBSCRIBE;

    /** The lower-case name used in policy files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for what a person does; false for delivery to an inbox, which has no person behind it. */
    public boolean byPerson() {
        return this != RECEIVE;
    }

    public static Action fromId(String id) {
        for (Action action : values()) {
            if (action.id().equals(id)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown action: " + id);
    }
}
