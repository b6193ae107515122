package org.interlock.gateway.topics;

import org.interlock.contracts.Agency;

/**
 * A view the gateway builds from the agencies' state topics (ADR 0012): each entity's current
 * state, until its agency says it has ended. Every view is offered every entity and keeps what it
 * is about; {@link StateTopicsReader} feeds them all.
 */
public interface StateView {

    /** The entity's current state: the event that last changed it, read and checked from its agency's state topic. */
    void put(AgencyEvent state);

    /** The entity ended: a tombstone for {@code <category>:<id>} on the origin's state topic. */
    void remove(Agency origin, String category, String id);
}
