package org.interlock.triggers.evaluation;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agency event as the review triggers see it: its id (the CloudEvents id, which a redelivery
 * keeps), the category its type belongs to, the person it is about, when it happened (event time,
 * which decides every window) and its data.
 *
 * @param person the person reference it is about; null for facts about no person, which no rule reads
 * @param detail what the caller wants back with a firing this event is part of (e.g. what the policy
 *               needs to decide who may hear of it), held only as long as the event itself; may be null
 */
public record ObservedEvent(String id, String category, String person, Instant time, JsonNode data, Object detail) {

    /** An event with no detail to hand back. */
    public ObservedEvent(String id, String category, String person, Instant time, JsonNode data) {
        this(id, category, person, time, data, null);
    }
}
