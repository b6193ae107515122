package org.interlock.gateway.people;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Classification;
import org.interlock.gateway.caseload.AllocationCaseload;
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
 * assertions come from statutory staff; reviews, confirmations and unmerges are for the
 * {@value #IDENTITY_MANAGER} role of a statutory agency. Partner organisations' staff use none of it.
 */
@ApplicationScoped
public class IdentityAccess {

    public static final String IDENTITY_MANAGER = "identity-manager";
    private static final String RULE = "person-index";

    private final AllocationCaseload caseload;
    private final PersonLinksView links;
    private final PolicyStore policies;

    public IdentityAccess(AllocationCaseload caseload, PersonLinksView links, PolicyStore policies) {
        this.caseload = caseload;
        this.links = links;
        this.policies = policies;
    }

    /** May the caller learn that the identifier names {@code person}? */
    public Decision lookup(Principal caller, String person) {
        if (caller.org() != null) {
            return deny(DenyReason.NOT_AUTHORISED, "partner organisations' staff do not use the person index");
        }
        boolean onCaseload = links.identities(person).stream().anyMatch(q -> caseload.includes(caller.username(), q));
        return onCaseload ? permit("the person is on the caller's caseload")
                : deny(DenyReason.NOT_IN_CASELOAD, "the person is on no caseload of the caller");
    }

    /** May the caller assert an identity (their agency's record of a person)? */
    public Decision assertion(Principal caller) {
        return caller.org() == null ? permit("statutory staff assert their agency's identities")
                : deny(DenyReason.NOT_AUTHORISED, "partner organisations' staff do not assert identities");
    }

    /** May the caller see review items and merges, confirm, reject or unmerge? */
    public Decision management(Principal caller) {
        return caller.org() == null && caller.holdsAnyOf(List.of(IDENTITY_MANAGER))
                ? permit("an identity manager of a statutory agency")
                : deny(DenyReason.NOT_AUTHORISED, "only a statutory agency's identity managers manage identities");
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
