package org.interlock.policy;

import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;

/**
 * Persons whose records an agency has restricted to named staff. A restriction beats every
 * agreement and break-glass: only the staff it names see the agency's records about the person.
 */
public interface Restrictions {

    Restrictions NONE = (agency, person) -> Optional.empty();

    /** The staff the agency's records about the person are restricted to; empty when unrestricted. */
    Optional<Set<String>> restrictedTo(Agency agency, String person);
}
