package org.interlock.gateway.people;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Classification;
import org.interlock.policy.Decision;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.TrailStep;
import org.interlock.policy.loading.PolicyStore;

/**
 * Who may use the person index through the gateway (ADR 0014), decided here and recorded like
 * every other decision: a lookup tells a member of a statutory agency's staff the person an
 * identifier names only if that person, under any linked reference, is on their caseload; identity
 * assertions come from statutory staff about their own caseload or a new person; reviews,
 * confirmations and unmerges are for the {@value #IDENTITY_MANAGER} role of a statutory agency, and
 * nobody confirms a link of a person on their own caseload. Partner organisations' staff use none
 * of it.
 */
@ApplicationScoped
public class IdentityAccess {

    public static final String IDENTITY_MANAGER = "identity-manager";
    private static final String RULE = "person-index";

    private final LinkedCaseload caseload;
    private final PolicyStore policies;

    public IdentityAccess(LinkedCaseload caseload, PolicyStore policies) {
        this.caseload = caseload;
        this.policies = policies;
    }

    /** May the caller learn that the identifier names {@code person}? */
    public Decision lookup(Principal caller, String person) {
        if (caller.org() != null) {
            return deny(DenyReason.NOT_AUTHORISED, "partner organisations' staff do not use the person index");
        }
        return onCaseload(caller, person) ? permit("the person is on the caller's caseload")
                : deny(DenyReason.NOT_IN_CASELOAD, "the person is on no caseload of the caller");
    }

    /**
     * May the caller assert an identity? Only their agency's record of a person on their caseload
     * (under any linked reference), or of a new one: an assertion about someone else's person is a
     * claim about a person they have no part in.
     */
    public Decision assertion(Principal caller, String person) {
        if (caller.org() != null) {
            return deny(DenyReason.NOT_AUTHORISED, "partner organisations' staff do not assert identities");
        }
        if (person == null) {
            return permit("a person new to the caller's agency");
        }
        return onCaseload(caller, person) ? permit("the person is on the caller's caseload")
                : deny(DenyReason.NOT_IN_CASELOAD, "the person is on no caseload of the caller");
    }

    /** May the caller see review items and merges, reject or unmerge? */
    public Decision management(Principal caller) {
        return caller.org() == null && caller.holdsAnyOf(List.of(IDENTITY_MANAGER))
                ? permit("an identity manager of a statutory agency")
                : deny(DenyReason.NOT_AUTHORISED, "only a statutory agency's identity managers manage identities");
    }

    /**
     * May the caller confirm that {@code person} is {@code candidate}? An identity manager, and not
     * one with either on their caseload: a link shares each person's records with the other's
     * staff, so confirming one about one's own case would widen one's own access.
     */
    public Decision confirmation(Principal caller, String person, String candidate) {
        Decision manager = management(caller);
        if (!(manager instanceof Permit)) {
            return manager;
        }
        return onCaseload(caller, person) || onCaseload(caller, candidate)
                ? deny(DenyReason.NOT_AUTHORISED, "an identity manager does not link a person on their own caseload")
                : manager;
    }

    private boolean onCaseload(Principal caller, String person) {
        return caseload.includes(caller, person);
    }

    private Permit permit(String finding) {
        // Recorded as permitted under the "person-index" rule, never as the owner's own read.
        return new Permit(RULE, null, List.of(), ReleasedFields.WHOLE, Classification.OFFICIAL, false, version(),
                List.of(new TrailStep(RULE, finding)));
    }

    private Deny deny(DenyReason reason, String finding) {
        return new Deny(reason, version(), List.of(new TrailStep(RULE, finding)));
    }

    private String version() {
        try {
            return policies.current().version();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
