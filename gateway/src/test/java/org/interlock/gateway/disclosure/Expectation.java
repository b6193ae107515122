package org.interlock.gateway.disclosure;

import java.util.EnumMap;
import java.util.Map;

import org.interlock.policy.DenyReason;

/**
 * A case's outcome on each channel: the same on all three, except where a difference is by design,
 * which the table states with its reason rather than leaving out.
 */
record Expectation(Map<Channel, Outcome> outcomes, Map<Channel, String> differences) {

    static Expectation everywhere(Outcome outcome) {
        Map<Channel, Outcome> outcomes = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            outcomes.put(channel, outcome);
        }
        return new Expectation(outcomes, new EnumMap<>(Channel.class));
    }

    /**
     * A refusal because no agreement names the audience for this (NO_AGREEMENT, PURPOSE_NOT_ALLOWED):
     * recorded where the reader asked (REST), silent where the record was pushed (ADR 0010).
     */
    static Expectation refusedWhereAsked(DenyReason reason) {
        return everywhere(Outcome.refused(reason))
                .except(Channel.EXCHANGE, Outcome.nothing(), "nobody asked: an unaddressed refusal is not recorded")
                .except(Channel.FEED, Outcome.nothing(), "nobody asked: an unaddressed refusal is not recorded");
    }

    Expectation except(Channel channel, Outcome outcome, String because) {
        Map<Channel, Outcome> changed = new EnumMap<>(outcomes);
        changed.put(channel, outcome);
        Map<Channel, String> why = new EnumMap<>(differences);
        why.put(channel, because);
        return new Expectation(changed, why);
    }

    Outcome on(Channel channel) {
        return outcomes.get(channel);
    }
}
