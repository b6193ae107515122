package org.interlock.policy;

import java.util.List;

/** The case conferences, as the gateway keeps them from the chairing agency's events. */
public interface Conferences {

    /** No conference anywhere: no pack is open to anyone. */
    Conferences NONE = person -> List.of();

    /** The conferences (cancelled or not) about the person. */
    List<Conference> about(String person);
}
