package org.interlock.policy;

/**
 * The persons allocated to each member of staff, kept current by the gateway from the services'
 * allocation events. Consulted for every read by a person under an agreement that requires it.
 * Implementations must be thread-safe and fast (a hash lookup): the decision budget is 2 µs.
 */
public interface Caseload {

    boolean includes(String username, String person);
}
