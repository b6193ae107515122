package org.interlock.policy.views;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.contracts.Agency;
import org.interlock.policy.Restrictions;

/**
 * The restrictions in force: an agency's records about a person kept for named staff. Several
 * restrictions of one agency on one person narrow to the staff every one of them names.
 */
public final class RestrictionRegister implements Restrictions {

    private record Restriction(Agency agency, String person, Set<String> staff) {
    }

    private final Map<String, Restriction> inForce = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byAgencyPerson = new ConcurrentHashMap<>();

    public synchronized void imposed(String id, Agency agency, String person, Set<String> staff) {
        inForce.put(id, new Restriction(agency, person, Set.copyOf(staff)));
        recompute(agency, person);
    }

    public synchronized void lifted(String id) {
        Restriction lifted = inForce.remove(id);
        if (lifted != null) {
            recompute(lifted.agency(), lifted.person());
        }
    }

    @Override
    public Optional<Set<String>> restrictedTo(Agency agency, String person) {
        return Optional.ofNullable(byAgencyPerson.get(agency.id() + "|" + person));
    }

    private void recompute(Agency agency, String person) {
        Set<String> named = null;
        for (Restriction restriction : inForce.values()) {
            if (restriction.agency() == agency && restriction.person().equals(person)) {
                if (named == null) {
                    named = new HashSet<>(restriction.staff());
                } else {
                    named.retainAll(restriction.staff());
                }
            }
        }
        String key = agency.id() + "|" + person;
        if (named == null) {
            byAgencyPerson.remove(key);
        } else {
            byAgencyPerson.put(key, Set.copyOf(named));
        }
    }
}
