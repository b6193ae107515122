package org.interlock.policy.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Principal;
import org.interlock.policy.Referral;
import org.interlock.policy.StaffMember;
import org.interlock.policy.Views;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.Governance;
import org.interlock.policy.language.Policy;

/**
 * The changes that widen someone's access, and the authority each needs (ADR 0011): an
 * allocation is made by a manager of the agency (or by the staff member themselves where the
 * policy allows it for their role) and names staff of that agency; a referral is made by the
 * person's statutory lead to an active organisation; a referral is answered by that
 * organisation's partner manager, naming one of its own caseworkers; a consent lies within an
 * accepted referral; a restriction is imposed and lifted by a manager; organisations are managed
 * by those the policy names. A change that only takes access away needs no more than the owner's
 * right to write. What is not a governed category is the owner's to change.
 */
final class GovernedChange {

    static final String ALLOCATION = "allocation";
    static final String REFERRAL = "referral";
    static final String REFERRAL_ANSWER = "partner.referral";
    static final String CONSENT = "consent";
    static final String RESTRICTION = "restriction";
    static final String ORGANISATION = "partner.organisation";
    static final String CONFERENCE = "conference";

    private GovernedChange() {
    }

    /** Whether the category is governed by authority that crosses agencies (the owner rule does not apply). */
    static boolean crossAgency(DecisionRequest request) {
        return ORGANISATION.equals(request.resource().category());
    }

    /** A refusal, or empty when the change holds the authority it needs. */
    static Optional<Deny> check(Policy policy, Views views, DecisionRequest request, Trail trail) {
        ChangeTerms change = request.change();
        String category = request.resource().category();
        if (change.narrows() && !REFERRAL_ANSWER.equals(category) && !RESTRICTION.equals(category)) {
            trail.note("governance", "the change only takes access away");
            return Optional.empty();
        }
        Governance authority = policy.governance();
        Principal principal = request.principal();
        return switch (category) {
            case ALLOCATION -> allocation(authority, views, request, trail);
            case REFERRAL -> referral(policy, views, request, trail);
            case REFERRAL_ANSWER -> answer(authority, views, request, trail);
            case CONSENT -> consent(views, request, trail);
            case RESTRICTION -> holds(principal, authority.restrictedBy(), "restrict a person's records", trail)
                    .or(() -> namedStaff(views, request, change.staffNamed(), DenyReason.STAFF_NAMED_UNKNOWN, trail));
            case ORGANISATION -> holds(principal, authority.organisationsManagedBy(), "manage partner organisations",
                    trail);
            case CONFERENCE -> conference(policy, views, request, trail);
            default -> Optional.empty();
        };
    }

    private static Optional<Deny> allocation(Governance authority, Views views, DecisionRequest request, Trail trail) {
        Principal principal = request.principal();
        Optional<Deny> staff = namedStaff(views, request, List.of(String.valueOf(request.change().staff())),
                DenyReason.STAFF_UNKNOWN, trail);
        if (staff.isPresent()) {
            return staff;
        }
        boolean manager = principal.holdsAnyOf(authority.allocatedBy());
        boolean self = principal.username().equals(request.change().staff())
                && principal.holdsAnyOf(authority.selfAllocation());
        if (!manager && !self) {
            return Optional.of(trail.deny(DenyReason.NOT_AUTHORISED, "governance",
                    "allocations are made by " + authority.allocatedBy() + (authority.selfAllocation().isEmpty()
                            ? "" : ", or by " + authority.selfAllocation() + " for themselves")));
        }
        if (principal.org() != null && inForce(views, request, principal.org()).isEmpty()) {
            return Optional.of(trail.deny(DenyReason.NO_REFERRAL, "governance",
                    "a partner allocation needs an accepted referral of the person to the organisation"));
        }
        trail.note("governance", manager ? "allocated by a manager of the agency" : "self-allocation allowed for the role");
        return Optional.empty();
    }

    private static Optional<Deny> referral(Policy policy, Views views, DecisionRequest request, Trail trail) {
        ChangeTerms change = request.change();
        String person = request.resource().person();
        if (person == null || !views.caseload().statutoryLeads(person).contains(request.principal().username())) {
            return Optional.of(trail.deny(DenyReason.NOT_STATUTORY_LEAD, "governance",
                    "a referral is made by the person's statutory lead (allocated probation practitioner,"
                            + " or before one is, the prison offender manager)"));
        }
        if (change.organisation() == null || !views.organisations().isActive(change.organisation())) {
            return Optional.of(trail.deny(DenyReason.ORGANISATION_SUSPENDED, "governance",
                    "a referral names a registered organisation that is not suspended"));
        }
        if (change.categories().isEmpty() || change.purposes().isEmpty()
                || !policy.purposes().containsAll(change.purposes())
                || !change.categories().stream().allMatch(pattern -> known(policy, pattern))) {
            return Optional.of(trail.deny(DenyReason.INVALID_TERMS, "governance",
                    "a referral names categories and purposes the policy knows"));
        }
        trail.note("governance", "referred by the person's statutory lead");
        return Optional.empty();
    }

    private static Optional<Deny> answer(Governance authority, Views views, DecisionRequest request, Trail trail) {
        Principal principal = request.principal();
        ChangeTerms change = request.change();
        Optional<Deny> refused = holds(principal, authority.referralsAnsweredBy(), "answer referrals", trail);
        if (refused.isPresent()) {
            return refused;
        }
        Optional<Referral> referral = views.referrals().find(change.referral());
        if (referral.isEmpty() || !referral.get().organisation().equals(principal.org()) || referral.get().ended()) {
            return Optional.of(trail.deny(DenyReason.NO_REFERRAL, "governance",
                    "only an open referral made to the subject's own organisation is answered"));
        }
        if (change.narrows()) {
            return Optional.empty();
        }
        return namedStaff(views, request, List.of(String.valueOf(change.staff())), DenyReason.STAFF_UNKNOWN, trail);
    }

    /**
     * A conference is convened (or its terms changed) by those the policy names; it is chaired by a
     * member of the convening agency's staff, and invites only staff the identity provider knows, in
     * a staff role: the invitation is what opens the pack to them (ADR 0019).
     */
    private static Optional<Deny> conference(Policy policy, Views views, DecisionRequest request, Trail trail) {
        Optional<Deny> refused = holds(request.principal(), policy.governance().conferencesConvenedBy(),
                "convene case conferences", trail);
        if (refused.isPresent()) {
            return refused;
        }
        ChangeTerms change = request.change();
        refused = namedStaff(views, request, List.of(String.valueOf(change.staff())), DenyReason.STAFF_UNKNOWN, trail);
        if (refused.isPresent()) {
            return refused;
        }
        for (String invitee : change.staffNamed()) {
            Optional<StaffMember> member = views.staff().member(invitee);
            if (member.isEmpty() || member.get().roles().stream().noneMatch(policy.staffRoles()::contains)) {
                return Optional.of(trail.deny(DenyReason.STAFF_NAMED_UNKNOWN, "governance",
                        "a conference invites only staff known to the identity provider, in a staff role"));
            }
        }
        trail.note("governance", "convened by a holder of the authority to convene");
        return Optional.empty();
    }

    private static Optional<Deny> consent(Views views, DecisionRequest request, Trail trail) {
        ChangeTerms change = request.change();
        boolean within = inForce(views, request, change.organisation()).stream()
                .anyMatch(referral -> referral.coversAll(change.categories())
                        && referral.purposes().containsAll(change.purposes())
                        && (change.until() == null || !change.until().isAfter(referral.until())));
        if (!within) {
            return Optional.of(trail.deny(DenyReason.OUTSIDE_REFERRAL, "governance",
                    "a consent is recorded within an accepted referral, never wider than it"));
        }
        trail.note("governance", "within an accepted referral");
        return Optional.empty();
    }

    /**
     * Every member of staff named belongs to the agency (and organisation) that makes the change;
     * the reason says which term named the stranger, so the refusal points at the field at fault.
     */
    private static Optional<Deny> namedStaff(Views views, DecisionRequest request, List<String> named,
            DenyReason reason, Trail trail) {
        Agency agency = request.resource().origin();
        String org = request.principal().org();
        for (String username : named) {
            Optional<StaffMember> member = views.staff().member(username);
            if (member.isEmpty() || !member.get().of(agency.id(), org)) {
                return Optional.of(trail.deny(reason, "governance",
                        "a change names only staff of the agency (and organisation) making it"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Deny> holds(Principal principal, Set<String> roles, String what, Trail trail) {
        if (principal.holdsAnyOf(roles)) {
            return Optional.empty();
        }
        return Optional.of(trail.deny(DenyReason.NOT_AUTHORISED, "governance", "only " + roles + " " + what));
    }

    private static List<Referral> inForce(Views views, DecisionRequest request, String organisation) {
        String person = request.resource().person();
        Instant at = request.context().at();
        return person == null || organisation == null ? List.of()
                : views.referrals().inForce(person, organisation, at);
    }

    private static boolean known(Policy policy, String pattern) {
        if (!CategoryPattern.isWellFormed(pattern)) {
            return false;
        }
        CategoryPattern parsed = new CategoryPattern(pattern);
        return policy.categories().stream().anyMatch(parsed::matches);
    }
}
