package org.interlock.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Kafka topics of Interlock, named in one place (see docs/asyncapi.yaml). */
public final class Topics {

    /** Consent changes, compacted by consent id: what the gateway's consent view is built from. */
    public static final String CONSENTS = "interlock.consents";
    /** Agency events the exchange cannot decide on, each with its reason: never routed. */
    public static final String GATEWAY_DEAD_LETTER = "interlock.gateway.deadletter";
    /** The Kafka header that says why a record was dead-lettered. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    private static final String PREFIX = "interlock.";
    private static final String EVENTS = ".events";
    private static final String STATE = ".state";

    private Topics() {
    }

    /** What an agency publishes: {@code interlock.<agency>.events}, keyed by person. */
    public static String events(Agency agency) {
        return PREFIX + agency.id() + EVENTS;
    }

    /** Every agency's events topic. */
    public static List<String> allEvents() {
        return Arrays.stream(Agency.values()).map(Topics::events).toList();
    }

    /**
     * An agency's compacted state topic (ADR 0012): the current state of each entity the gateway's
     * views are built from, as the CloudEvent that last changed it, keyed {@link #stateKey}; a
     * tombstone (same key, no value) once the entity has ended.
     */
    public static String state(Agency agency) {
        return PREFIX + agency.id() + STATE;
    }

    /** Every agency's state topic. */
    public static List<String> allState() {
        return Arrays.stream(Agency.values()).map(Topics::state).toList();
    }

    /** The agency whose state topic this is; empty for any other topic. */
    public static Optional<Agency> stateOriginOf(String topic) {
        return Arrays.stream(Agency.values()).filter(agency -> state(agency).equals(topic)).findFirst();
    }

    /** The key of an entity on its agency's state topic: {@code <category>:<id>}. */
    public static String stateKey(String category, String id) {
        return category + ":" + id;
    }

    /** What the exchange delivers to an agency (partner organisations share the partners inbox). */
    public static String inbox(Agency agency) {
        return PREFIX + "inbox." + agency.id();
    }

    /** What an agency's inbox could never process, with the reason. */
    public static String deadLetter(Agency agency) {
        return PREFIX + agency.id() + ".deadletter";
    }

    /** The agency whose events topic this is; empty for any other topic. */
    public static Optional<Agency> originOf(String topic) {
        return Arrays.stream(Agency.values()).filter(agency -> events(agency).equals(topic)).findFirst();
    }
}
