package org.interlock.policy;

import java.util.Set;

/**
 * The persons allocated to each member of staff, kept current by the gateway from the services'
 * allocation events (only allocations of an agency's own staff, made by those with the authority
 * to make them). Consulted for every read by a person under an agreement that requires it.
 * Implementations must be thread-safe and fast (a hash lookup): the decision budget is 2 µs.
 */
public interface Caseload {

    boolean includes(String username, String person);

    /**
     * The person's statutory lead: the probation practitioners allocated to them, or, while there
     * is none, the prison offender managers. Empty when nobody leads (no referral can be made).
     */
    default Set<String> statutoryLeads(String person) {
        return Set.of();
    }
}
