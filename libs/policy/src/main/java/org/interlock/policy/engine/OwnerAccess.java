package org.interlock.policy.engine;

import java.util.List;
import java.util.Optional;

import org.interlock.policy.Action;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.Resource;
import org.interlock.policy.language.Policy;

/**
 * Rule (a): an agency's own staff read and write its data within their clearance, whatever their
 * caseload: each agency governs access inside itself. Everyone else writes nothing.
 */
final class OwnerAccess {

    private OwnerAccess() {
    }

    /** The decision when the owner rule settles the request; empty when agreements must. */
    static Optional<Decision> decide(Policy policy, DecisionRequest request, Trail trail) {
        if (!isOwnStaff(policy, request)) {
            return request.action() == Action.WRITE
                    ? Optional.of(trail.deny(DenyReason.WRITE_NOT_OWNER, "owner",
                            "only the owning agency's staff may write its data"))
                    : Optional.empty();
        }
        return Optional.of(withinClearance(request, trail, request.principal().agency()
                + " staff on their own agency's data"));
    }

    /** A permit for the subject's own act ({@code who}, for the trail), unless the data is above their clearance. */
    static Decision withinClearance(DecisionRequest request, Trail trail, String who) {
        Resource resource = request.resource();
        Principal principal = request.principal();
        if (!resource.classification().atMost(principal.clearance())) {
            return trail.deny(DenyReason.ABOVE_CLEARANCE, "owner", resource.classification().label()
                    + " data is above the subject's clearance of " + principal.clearance().label());
        }
        trail.note("owner", who + ", within clearance");
        return new Permit(null, null, List.of(), ReleasedFields.WHOLE, resource.classification(),
                request.context().breakGlass(), trail.policyVersion(), trail.steps());
    }

    private static boolean isOwnStaff(Policy policy, DecisionRequest request) {
        Principal principal = request.principal();
        String owningOrg = request.resource().owningOrg();
        return request.action().byPerson()
                && request.resource().origin().id().equals(principal.agency())
                && principal.holdsAnyOf(policy.staffRoles())
                // Partner organisations share one agency but not each other's records.
                && (owningOrg == null || owningOrg.equals(principal.org()));
    }
}
