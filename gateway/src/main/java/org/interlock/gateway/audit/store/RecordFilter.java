package org.interlock.gateway.audit.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Decision;

/**
 * What an auditor asks the log for. Every criterion is optional (null or empty: any); the
 * criteria combine with AND.
 *
 * @param persons    the Interlock person references the record may be about (one person's
 *                   references the person index has linked)
 * @param actor      the acting subject
 * @param agency     the actor's agency
 * @param org        the actor's partner organisation
 * @param consent    the consent the disclosure rested on
 * @param actions    any of these actions
 * @param outcome    permit or deny
 * @param from       recorded at or after
 * @param until      recorded before
 * @param breakGlass only records with (true) or without (false) break-glass
 */
public record RecordFilter(List<String> persons, String actor, String agency, String org, String consent,
        Set<Action> actions, Decision.Outcome outcome, Instant from, Instant until, Boolean breakGlass) {

    public RecordFilter {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** The person asked about (the first reference), or null. */
    public String person() {
        return persons.isEmpty() ? null : persons.getFirst();
    }

    /** Every disclosure of data about a person: what left the gateway about them, and to whom. */
    public static RecordFilter disclosuresOf(List<String> persons) {
        return new RecordFilter(persons, null, null, null, null,
                Set.of(Action.DISCLOSE_REST, Action.ROUTE_EVENT, Action.PUSH_FEED),
                Decision.Outcome.PERMIT, null, null, null);
    }

    /** Every event routed under a consent: what its erasure notices must list. */
    public static RecordFilter routedUnder(String consent) {
        return new RecordFilter(null, null, null, null, consent, Set.of(Action.ROUTE_EVENT),
                Decision.Outcome.PERMIT, null, null, null);
    }
}
