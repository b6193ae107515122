package org.interlock.policy.engine;

import java.util.Optional;

import org.interlock.policy.Deny;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Policy;

/**
 * What is refused before any permit is looked for: an incomplete request, an unknown subject, an
 * unknown purpose, break-glass by a role not allowed it, and explicit deny rules. Because deny
 * rules are screened first, they override the owner's access, every agreement and break-glass.
 */
final class Screening {

    private Screening() {
    }

    static Optional<Deny> screen(Policy policy, DecisionRequest request, Trail trail) {
        if (incomplete(request)) {
            return Optional.of(trail.deny(DenyReason.POLICY_ERROR, "request", "the request is incomplete"));
        }
        if (!knownSubject(request)) {
            return Optional.of(trail.deny(DenyReason.UNKNOWN_SUBJECT, "subject",
                    "the subject lacks an agency, a username or a clearance"));
        }
        String purpose = request.context().purpose();
        if (purpose == null || !policy.purposes().contains(purpose)) {
            return Optional.of(trail.deny(DenyReason.PURPOSE_NOT_ALLOWED, "purpose", "unknown purpose of use"));
        }
        if (request.context().breakGlass()) {
            if (!request.action().byPerson() || !request.principal().holdsAnyOf(policy.breakGlassRoles())) {
                return Optional.of(trail.deny(DenyReason.BREAK_GLASS_NOT_ALLOWED, "break-glass",
                        "break-glass is allowed only to roles " + policy.breakGlassRoles()));
            }
            trail.note("break-glass", "invoked with a stated reason: flagged for review");
        }
        for (DenyRule rule : policy.denyRules()) {
            if (rule.matches(request)) {
                return Optional.of(trail.deny(DenyReason.EXPLICIT_DENY, "deny:" + rule.id(), rule.reason()));
            }
        }
        return Optional.empty();
    }

    private static boolean incomplete(DecisionRequest request) {
        Resource resource = request.resource();
        return request.action() == null || request.context() == null || request.context().at() == null
                || resource == null || resource.origin() == null || resource.category() == null
                || resource.classification() == null;
    }

    private static boolean knownSubject(DecisionRequest request) {
        Principal principal = request.principal();
        if (principal == null || principal.agency() == null || principal.agency().isBlank()) {
            return false;
        }
        return !request.action().byPerson()
                || principal.username() != null && !principal.username().isBlank() && principal.clearance() != null;
    }
}
