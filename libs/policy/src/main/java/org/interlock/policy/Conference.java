package org.interlock.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case conference about one or more persons, convened by someone with the authority to (ADR
 * 0016), as the gateway keeps it from the chairing agency's events. Its invitation is the act that
 * lets named staff of other agencies read the pre-meeting pack: the {@code conference} agreements
 * of the policy, for the persons discussed, in a window around {@code meetsAt}. Only named staff
 * are invited: an agency or an organisation on the list is told of actions, it reads nothing.
 *
 * @param invitees  usernames of the staff invited
 * @param cancelled final: a cancelled conference opens nothing, whenever it was to meet
 */
public record Conference(String id, List<String> persons, Instant meetsAt, String chair, Set<String> invitees,
        boolean cancelled) {

    public Conference {
        persons = List.copyOf(persons);
        invitees = Set.copyOf(invitees);
    }

    /** Whether the conference invites this member of staff to discuss this person. */
    public boolean invites(String username, String person) {
        return !cancelled && username != null && invitees.contains(username) && persons.contains(person);
    }
}
