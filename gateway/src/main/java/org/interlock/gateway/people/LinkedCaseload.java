package org.interlock.gateway.people;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.policy.Principal;

/**
 * Whether a person, under any reference the person index links to theirs, is on a member of staff's caseload:
 * allocated to them by someone with the authority to allocate. What a caller may do about a person on that ground
 * alone (look them up, assert their identity, ask a peer about them) follows from others' acts, never their own.
 */
@ApplicationScoped
public class LinkedCaseload {

    private final AllocationCaseload caseload;
    private final PersonLinksView links;

    public LinkedCaseload(AllocationCaseload caseload, PersonLinksView links) {
        this.caseload = caseload;
        this.links = links;
    }

    public boolean includes(Principal caller, String person) {
        return caller.username() != null
                && links.identities(person).stream().anyMatch(q -> caseload.includes(caller.username(), q));
    }
}
