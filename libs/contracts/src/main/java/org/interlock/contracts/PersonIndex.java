package org.interlock.contracts;

import java.net.URI;

/**
 * The person index's vocabulary (services/people, ADR 0014): what it publishes and where. The index is
 * not an {@link Agency}: it records no facts about what a person did, only which references are one
 * person, and the gateway consumes it to re-key its views.
 */
public final class PersonIndex {

    /** Every event of the index, keyed by the surviving person reference. */
    public static final String EVENTS_TOPIC = "interlock.people.events";
    /**
     * Compacted, keyed by person reference: the merge or unmerge that last changed what the reference
     * resolves to; a tombstone once it resolves to itself again. What a view of "who is whom" is built from.
     */
    public static final String LINKS_TOPIC = "interlock.people.links";
    /** The CloudEvents source of the index's events. */
    public static final URI SOURCE = URI.create("/services/people");
    /** {@code survivor}, {@code merged}, {@code people}: each of people resolves to survivor from now on. */
    public static final String MERGED = "org.interlock.people.person.merged.v1";
    /** {@code survivor}, {@code restored}, {@code people}: each of people resolves to restored again. */
    public static final String UNMERGED = "org.interlock.people.person.unmerged.v1";
    /** The category both events carry. */
    public static final String CATEGORY = "person.identity";

    private PersonIndex() {
    }
}
