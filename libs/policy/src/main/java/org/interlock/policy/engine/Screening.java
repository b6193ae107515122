package org.interlock.policy.engine;

import java.util.Optional;
import java.util.Set;

import org.interlock.policy.Deny;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.Views;
import org.interlock.policy.Action;
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

    static Optional<Deny> screen(Policy policy, Views views, DecisionRequest request, Trail trail) {
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
        return restricted(views, request, trail).or(() -> barredOrganisation(views, request, trail));
    }

    /** The owning agency restricted the person's records to named staff: nobody else, break-glass included. */
    private static Optional<Deny> restricted(Views views, DecisionRequest request, Trail trail) {
        String person = request.resource().person();
        if (person == null) {
            return Optional.empty();
        }
        Optional<Set<String>> named = views.restrictions().restrictedTo(request.resource().origin(), person);
        String username = request.principal().username();
        if (named.isPresent() && (username == null || !named.get().contains(username))) {
            return Optional.of(trail.deny(DenyReason.RESTRICTED, "restriction",
                    "the owning agency restricted this person's records to named staff"));
        }
        return Optional.empty();
    }

    /**
     * A suspended organisation receives and changes nothing; one the gateway has not seen
     * registered receives nothing either (it may register, which is a change).
     */
    private static Optional<Deny> barredOrganisation(Views views, DecisionRequest request, Trail trail) {
        String org = request.principal().org();
        if (org == null) {
            return Optional.empty();
        }
        boolean barred = request.action() == Action.WRITE ? views.organisations().isSuspended(org)
                : !views.organisations().isActive(org);
        return barred ? Optional.of(trail.deny(DenyReason.ORGANISATION_SUSPENDED, "organisation",
                "the subject's organisation is suspended or not registered")) : Optional.empty();
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
