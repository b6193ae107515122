package org.interlock.policy.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.ConsentView;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyFixtures;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.StaffMember;
import org.interlock.policy.Views;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.Policy;
import org.interlock.policy.views.AllocationRegister;
import org.interlock.policy.views.ReferralRegister;
import org.interlock.policy.views.RestrictionRegister;

/**
 * A small world of staff, persons and the gateway's views, in which every write is attempted
 * through the engine and happens only if it is permitted — as the gateway lets a change reach a
 * service only then, and builds its views from what the services record.
 */
final class TrustWorld {

    static final List<Principal> STAFF = List.of(
            staff("tm.prisons", "prisons", null, "team-manager"),
            staff("om.prisons", "prisons", null, "offender-manager"),
            staff("om2.prisons", "prisons", null, "offender-manager"),
            staff("tm.probation", "probation", null, "team-manager"),
            staff("po.probation", "probation", null, "probation-officer"),
            staff("po2.probation", "probation", null, "probation-officer"),
            staff("pm.horizon", "partners", "horizon", "partner-manager"),
            staff("cw.horizon", "partners", "horizon", "partner-caseworker"),
            staff("pm.faith", "partners", "faith", "partner-manager"),
            staff("cw.faith", "partners", "faith", "partner-caseworker"));
    /** A name the staff directory does not know. */
    static final String GHOST = "ghost.user";

    /** A write that happened (was permitted), in order. */
    record Happened(TrustModelPropertiesTest.Act.Kind kind, Principal actor, String named, String person,
            Agency agency, String organisation, List<String> categories, List<String> purposes, String id,
            String target) {
    }

    private final Policy policy;
    private final StaffDirectory directory = username -> STAFF.stream()
            .filter(p -> p.username().equals(username)).findFirst()
            .map(p -> new StaffMember(p.username(), p.agency(), p.org(), p.roles()));
    private final AllocationRegister allocations = new AllocationRegister((username, agency) ->
            directory.member(username).map(m -> m.agency().equals(agency.id())).orElse(false));
    private final ReferralRegister referrals = new ReferralRegister();
    private final RestrictionRegister restrictions = new RestrictionRegister();
    private final List<Happened> consents = new ArrayList<>();
    private final List<Happened> history = new ArrayList<>();
    private final Views views;
    private final InterlockPolicyEngine engine;

    TrustWorld(Policy policy) {
        this.policy = policy;
        ConsentView consentView = (person, organisation, category, purpose, at) -> consents.stream()
                .filter(c -> c.person().equals(person) && c.organisation().equals(organisation)
                        && c.purposes().contains(purpose)
                        && c.categories().stream().anyMatch(p -> new CategoryPattern(p).matches(category)))
                .findFirst().map(c -> new ConsentGrant(c.id(), person, organisation, at));
        this.views = new Views(allocations, consentView, referrals, restrictions,
                PolicyFixtures.EVERY_ORGANISATION_ACTIVE, directory);
        this.engine = new InterlockPolicyEngine(() -> this.policy, views);
    }

    /** What the acts that happened made: the views the engine decides with. */
    Views views() {
        return views;
    }

    InterlockPolicyEngine engine() {
        return engine;
    }

    List<Happened> history() {
        return history;
    }

    void attempt(TrustModelPropertiesTest.Act act) {
        Principal actor = STAFF.get(act.actor());
        String named = act.named() < STAFF.size() ? STAFF.get(act.named()).username() : GHOST;
        String person = TrustModelPropertiesTest.PERSONS.get(act.person());
        switch (act.kind()) {
            case ALLOCATE -> allocate(actor, named, person);
            case END_ALLOCATION -> pick(TrustModelPropertiesTest.Act.Kind.ALLOCATE, act.which())
                    .ifPresent(allocation -> endAllocation(actor, allocation));
            case REFER -> refer(actor, person, act.organisation(), act.categories(), act.purposes());
            case WITHDRAW_REFERRAL -> pick(TrustModelPropertiesTest.Act.Kind.REFER, act.which())
                    .ifPresent(referral -> withdraw(actor, referral));
            case ACCEPT -> pick(TrustModelPropertiesTest.Act.Kind.REFER, act.which())
                    .ifPresent(referral -> answer(actor, referral, named, true));
            case DECLINE -> pick(TrustModelPropertiesTest.Act.Kind.REFER, act.which())
                    .ifPresent(referral -> answer(actor, referral, named, false));
            case CONSENT -> consent(actor, person, act.categories(), act.purposes());
            case RESTRICT -> restrict(actor, person, named);
            case LIFT -> pick(TrustModelPropertiesTest.Act.Kind.RESTRICT, act.which())
                    .ifPresent(restriction -> lift(actor, restriction));
        }
    }

    private void allocate(Principal actor, String named, String person) {
        Agency agency = Agency.fromId(actor.agency());
        if (permitted(actor, resource(agency, "allocation", person, null, null),
                new ChangeTerms(named, null, null, null, null, null, null, false))) {
            String id = "allocation-" + history.size();
            allocations.start(id, agency, named, person, role(agency));
            happened(TrustModelPropertiesTest.Act.Kind.ALLOCATE, actor, named, person, agency, actor.org(), id, null);
        }
    }

    private void endAllocation(Principal actor, Happened allocation) {
        if (permitted(actor, resource(allocation.agency(), "allocation", allocation.person(), null, null),
                new ChangeTerms(allocation.named(), null, null, null, null, null, null, true))) {
            allocations.end(allocation.id());
            happened(TrustModelPropertiesTest.Act.Kind.END_ALLOCATION, actor, allocation.named(), allocation.person(),
                    allocation.agency(), null, "end-" + history.size(), allocation.id());
        }
    }

    private void refer(Principal actor, String person, String org, List<String> categories, List<String> purposes) {
        Agency agency = Agency.fromId(actor.agency());
        if (permitted(actor, resource(agency, "referral", person, null, org),
                new ChangeTerms(null, org, categories, purposes, LocalDate.of(2100, 1, 1), null, null, false))
                && (agency == Agency.PRISONS || agency == Agency.PROBATION)) {
            String id = "referral-" + history.size();
            referrals.made(id, person, org, categories, purposes, LocalDate.of(2100, 1, 1), actor.username());
            history.add(new Happened(TrustModelPropertiesTest.Act.Kind.REFER, actor, null, person, agency, org,
                    categories, purposes, id, null));
        }
    }

    private void withdraw(Principal actor, Happened referral) {
        if (permitted(actor, resource(referral.agency(), "referral", referral.person(), null, referral.organisation()),
                new ChangeTerms(null, referral.organisation(), null, null, null, null, null, true))) {
            referrals.ended(referral.id());
            happened(TrustModelPropertiesTest.Act.Kind.WITHDRAW_REFERRAL, actor, null, referral.person(),
                    referral.agency(), referral.organisation(), "withdrawal-" + history.size(), referral.id());
        }
    }

    /** An acceptance names a caseworker, who is allocated to the person with it (as the partners service does). */
    private void answer(Principal actor, Happened referral, String caseworker, boolean accept) {
        if (permitted(actor, resource(Agency.PARTNERS, "partner.referral", referral.person(),
                        referral.organisation(), null),
                new ChangeTerms(caseworker, referral.organisation(), null, null, null, referral.id(), null, !accept))) {
            if (!accept) {
                referrals.ended(referral.id());
                happened(TrustModelPropertiesTest.Act.Kind.DECLINE, actor, null, referral.person(), Agency.PARTNERS,
                        referral.organisation(), "decline-" + history.size(), referral.id());
                return;
            }
            referrals.accepted(referral.id());
            String allocation = "allocation-" + history.size();
            allocations.start(allocation, Agency.PARTNERS, caseworker, referral.person(), role(Agency.PARTNERS));
            happened(TrustModelPropertiesTest.Act.Kind.ACCEPT, actor, caseworker, referral.person(), Agency.PARTNERS,
                    referral.organisation(), allocation, referral.id());
        }
    }

    private void consent(Principal actor, String person, List<String> categories, List<String> purposes) {
        if (actor.org() != null && permitted(actor, resource(Agency.PARTNERS, "consent", person, actor.org(), null),
                new ChangeTerms(null, actor.org(), categories, purposes, null, null, null, false))) {
            Happened consent = new Happened(TrustModelPropertiesTest.Act.Kind.CONSENT, actor, null, person,
                    Agency.PARTNERS, actor.org(), categories, purposes, "consent-" + history.size(), null);
            consents.add(consent);
            history.add(consent);
        }
    }

    private void restrict(Principal actor, String person, String named) {
        Agency agency = Agency.fromId(actor.agency());
        List<String> staff = List.of(actor.username(), named);
        if (permitted(actor, resource(agency, "restriction", person, null, null),
                new ChangeTerms(null, null, null, null, null, null, staff, false))) {
            String id = "restriction-" + history.size();
            restrictions.imposed(id, agency, person, Set.copyOf(staff));
            history.add(new Happened(TrustModelPropertiesTest.Act.Kind.RESTRICT, actor, named, person, agency, null,
                    staff, List.of(), id, null));
        }
    }

    private void lift(Principal actor, Happened restriction) {
        if (permitted(actor, resource(restriction.agency(), "restriction", restriction.person(), null, null),
                new ChangeTerms(null, null, null, null, null, null, restriction.categories(), false))) {
            restrictions.lifted(restriction.id());
            happened(TrustModelPropertiesTest.Act.Kind.LIFT, actor, null, restriction.person(), restriction.agency(),
                    null, "lift-" + history.size(), restriction.id());
        }
    }

    private boolean permitted(Principal actor, Resource resource, ChangeTerms terms) {
        return engine.decide(new DecisionRequest(actor, Action.WRITE, resource,
                Context.of(actor.org() != null ? "resettlement" : "case-management", TrustModelPropertiesTest.AT),
                terms)) instanceof Permit;
    }

    private Optional<Happened> pick(TrustModelPropertiesTest.Act.Kind kind, int which) {
        List<Happened> of = history.stream().filter(h -> h.kind() == kind).toList();
        return of.isEmpty() ? Optional.empty() : Optional.of(of.get(which % of.size()));
    }

    private void happened(TrustModelPropertiesTest.Act.Kind kind, Principal actor, String named, String person,
            Agency agency, String org, String id, String target) {
        history.add(new Happened(kind, actor, named, person, agency, org, List.of(), List.of(), id, target));
    }

    private static Resource resource(Agency origin, String category, String person, String owningOrg,
            String addressee) {
        Classification classification = "restriction".equals(category) ? Classification.OFFICIAL_SENSITIVE
                : Classification.OFFICIAL;
        return new Resource(origin, category, classification, null, person, category, owningOrg, addressee);
    }

    private static String role(Agency agency) {
        return switch (agency) {
            case PRISONS -> AllocationRegister.OFFENDER_MANAGER;
            case PROBATION -> AllocationRegister.PROBATION_PRACTITIONER;
            default -> "PARTNER_CASEWORKER";
        };
    }

    private static Principal staff(String username, String agency, String org, String role) {
        Classification clearance = org == null ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL;
        return Principal.person(username, agency, org, new LinkedHashSet<>(List.of(role)), clearance);
    }
}
