package org.interlock.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

/**
 * Generators over a small vocabulary, and requests drawn mostly from the generated agreements'
 * own origins and recipients, so that agreements, deny rules and requests meet often enough for
 * permits to be common. Now and then a part of the world is missing or odd, as it is in service:
 * a person without a username or a clearance, a record about no person, a partner organisation's
 * own record, a deny rule aimed at the request but limited to another purpose or action.
 */
final class PolicyArbitraries {

    private static final List<String> ORGANISATIONS = List.of("horizon-mentoring", "faith-bridge");
    private static final List<String> RECIPIENTS = List.of("prisons", "probation", "intelligence", "partners",
            "org:horizon-mentoring", "org:faith-bridge");
    private static final List<String> ROLES = List.of("offender-manager", "probation-officer", "intelligence-officer",
            "partner-caseworker", "analyst", "auditor");
    private static final List<String> CATEGORIES = List.of("custody.release", "licence.conditions", "intel.report",
            "intel.summary", "partner.activity");
    private static final List<String> PATTERNS = List.of("*", "custody.*", "custody.release", "licence.*",
            "licence.conditions", "intel.*", "intel.summary", "partner.*");
    private static final List<String> PURPOSES = List.of("case-management", "public-protection", "resettlement");
    /** Not a purpose of the policy: a request declaring it is refused before anything else. */
    private static final String UNKNOWN_PURPOSE = "curiosity";
    private static final List<String> REDACTIONS = List.of("$.details", "$.prisonNumber", "$.a[*].b", "$..secret");
    private static final List<String> FIELDS = List.of("$.person", "$.releaseDate", "$.details", "$.kind", "$.a.b");

    /** What is missing from a person's token, now and then. */
    private enum Gap { NONE, USERNAME, CLEARANCE }

    private PolicyArbitraries() {
    }

    static Arbitrary<PolicyScenario> scenarios() {
        return agreements().flatMap(agreements -> requestsNear(agreements).flatMap(request ->
                Combinators.combine(denyRulesFor(request), likely(3), likely(6))
                        .as((denyRules, inCaseload, consent) ->
                                new PolicyScenario(agreements, denyRules, request, inCaseload, consent))));
    }

    private static Arbitrary<Boolean> likely(int toOne) {
        return Arbitraries.frequency(Tuple.of(toOne, true), Tuple.of(1, false));
    }

    /** Mostly none; else a rule drawn at random, or one aimed at this request that may be limited elsewhere. */
    private static Arbitrary<List<DenyRule>> denyRulesFor(DecisionRequest request) {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(List.of())),
                Tuple.of(1, denyRules().list().ofSize(1)),
                Tuple.of(2, aimedAt(request).list().ofSize(1)));
    }

    /**
     * A deny rule whose origin, recipient and category match the request, limited to the request's
     * purpose and action, to others, or to none.
     */
    private static Arbitrary<DenyRule> aimedAt(DecisionRequest request) {
        Principal who = request.principal();
        String recipient = who.org() != null ? "org:" + who.org() : who.agency();
        Arbitrary<Set<String>> purposes = Arbitraries.<Set<String>>of(Set.of(), Set.of(request.context().purpose()),
                Set.of(PURPOSES.stream().filter(p -> !p.equals(request.context().purpose())).findFirst().orElseThrow()));
        Arbitrary<Set<Action>> actions = Arbitraries.<Set<Action>>of(Set.of(), Set.of(request.action()),
                EnumSet.complementOf(EnumSet.of(request.action())));
        return Combinators.combine(Arbitraries.of(request.resource().origin()).injectNull(0.5),
                Arbitraries.<List<Recipient>>of(List.of(), List.of(Recipient.parse(recipient))),
                Arbitraries.of(request.resource().category(), "*"), purposes, actions)
                .as((from, to, category, purpose, action) -> new DenyRule("deny-aimed", from, to,
                        List.of(new CategoryPattern(category)), purpose, action, "generated, aimed"));
    }

    /** Requests aimed at one of the agreements, each part of the aim missed now and then. */
    private static Arbitrary<DecisionRequest> requestsNear(List<SharingAgreement> agreements) {
        return Arbitraries.of(agreements).flatMap(target -> {
            Arbitrary<Agency> origin = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(target.from())),
                    Tuple.of(1, Arbitraries.of(Agency.class)));
            Arbitrary<String> recipient = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(target.to().id())),
                    Tuple.of(1, Arbitraries.of(RECIPIENTS)), Tuple.of(2, origin.map(Agency::id)));
            List<String> covered = CATEGORIES.stream().filter(target::covers).toList();
            Arbitrary<String> category = covered.isEmpty() ? Arbitraries.of(CATEGORIES) : Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.of(covered)), Tuple.of(1, Arbitraries.of(CATEGORIES)));
            Arbitrary<String> purpose = Arbitraries.frequencyOf(Tuple.of(18, Arbitraries.of(target.purposes())),
                    Tuple.of(2, Arbitraries.of(PURPOSES)), Tuple.of(1, Arbitraries.just(UNKNOWN_PURPOSE)));
            Arbitrary<Context> contexts = Combinators.combine(purpose, Arbitraries.of("urgent").injectNull(0.95))
                    .as((why, reason) -> new Context(why, reason, PolicyFixtures.NOW));
            Arbitrary<DecisionRequest> byPeople = resources(origin, category).flatMap(resource -> Combinators.combine(
                    people(recipient, target.roles(), resource.owningOrg()),
                    Arbitraries.frequency(Tuple.of(6, Action.READ), Tuple.of(3, Action.SUBSCRIBE), Tuple.of(1, Action.WRITE)),
                    Arbitraries.just(resource), contexts).as(DecisionRequest::new));
            Arbitrary<DecisionRequest> toInboxes = Combinators.combine(recipient.map(PolicyArbitraries::inbox),
                    resources(origin, category), contexts)
                    .as((inbox, resource, context) -> new DecisionRequest(inbox, Action.RECEIVE, resource, context));
            // An inbox has no roles: an agreement for some roles never grants it, so aim there less.
            return Arbitraries.frequencyOf(Tuple.of(12, byPeople), Tuple.of(target.roles().isEmpty() ? 4 : 1, toInboxes));
        });
    }

    /** Data about a person, or now and then about no one; a partner's record is often one organisation's own. */
    private static Arbitrary<Resource> resources(Arbitrary<Agency> origin, Arbitrary<String> category) {
        Arbitrary<String> person = Arbitraries.frequency(Tuple.of(6, PolicyFixtures.PERSON), Tuple.of(1, "-"));
        Arbitrary<String> owningOrg = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("-")),
                Tuple.of(3, Arbitraries.of(ORGANISATIONS)));
        return Combinators.combine(origin, category, rising(false),
                Arbitraries.frequency(Tuple.of(8, "-"), Tuple.of(3, "P"), Tuple.of(1, "C"), Tuple.of(1, "X")),
                person, owningOrg)
                .as((from, what, classification, handling, about, org) -> new Resource(from, what, classification,
                        absent(handling), absent(about), "t", from == Agency.PARTNERS ? absent(org) : null));
    }

    private static String absent(String value) {
        return value.equals("-") ? null : value;
    }

    /**
     * Mostly holding a role the target agreement needs: one of its roles, or a staff role. A partner
     * caseworker mostly belongs to the organisation that owns the record, if one does.
     */
    private static Arbitrary<Principal> people(Arbitrary<String> recipient, Set<String> targetRoles, String owningOrg) {
        Arbitrary<String> needed = targetRoles.isEmpty()
                ? Arbitraries.of(PolicyFixtures.STAFF) : Arbitraries.of(targetRoles);
        Arbitrary<Set<String>> held = Combinators.combine(needed, Arbitraries.of(ROLES).set().ofMaxSize(1),
                Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false))).as((role, others, fits) -> {
                    Set<String> roles = new HashSet<>(others);
                    if (fits || roles.isEmpty()) {
                        roles.add(fits ? role : "auditor");
                    }
                    return roles;
                });
        Arbitrary<Gap> gap = Arbitraries.frequency(Tuple.of(93, Gap.NONE), Tuple.of(3, Gap.USERNAME),
                Tuple.of(4, Gap.CLEARANCE));
        Arbitrary<String> organisation = owningOrg == null ? Arbitraries.of(ORGANISATIONS)
                : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(owningOrg)), Tuple.of(1, Arbitraries.of(ORGANISATIONS)));
        return Combinators.combine(recipient, organisation, held, rising(true), gap)
                .as((to, org, roles, clearance, missing) -> {
                    String username = missing == Gap.USERNAME ? null : "someone";
                    Classification cleared = missing == Gap.CLEARANCE ? null : clearance;
                    if (to.startsWith("org:")) {
                        return Principal.person(username, "partners", to.substring(4), roles, cleared);
                    }
                    return Principal.person(username, to, to.equals("partners") ? org : null, roles, cleared);
                });
    }

    /** Classifications biased high (clearances, maxima) or low (data), so that they often fit. */
    private static Arbitrary<Classification> rising(boolean high) {
        return Arbitraries.frequency(Tuple.of(high ? 1 : 3, Classification.OFFICIAL),
                Tuple.of(2, Classification.OFFICIAL_SENSITIVE), Tuple.of(high ? 3 : 1, Classification.SECRET));
    }

    private static Principal inbox(String recipient) {
        return recipient.startsWith("org:")
                ? Principal.inbox("partners", recipient.substring(4)) : Principal.inbox(recipient, null);
    }

    static Arbitrary<List<SharingAgreement>> agreements() {
        return agreement().list().ofMinSize(1).ofMaxSize(4).map(PolicyArbitraries::numbered);
    }

    private static List<SharingAgreement> numbered(List<SharingAgreement.Builder> builders) {
        List<SharingAgreement> agreements = new ArrayList<>();
        for (SharingAgreement.Builder builder : builders) {
            SharingAgreement a = builder.build();
            agreements.add(new SharingAgreement("agreement-" + agreements.size(), a.from(), a.to(), a.categories(),
                    a.purposes(), a.actions(), a.roles(), a.maxClassification(), a.handling(), a.legalBasis(),
                    a.redact(), a.fields(), a.releaseAs(), a.validFrom(), a.validUntil(), a.requiresCaseload(),
                    a.addressed(), a.window(), a.peerConditions()));
        }
        return agreements;
    }

    private static Arbitrary<SharingAgreement.Builder> agreement() {
        Arbitrary<SharingAgreement.Builder> base = Combinators.combine(Arbitraries.of(Agency.class),
                Arbitraries.of(RECIPIENTS), Arbitraries.of(PATTERNS).set().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(PURPOSES).set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.<Set<String>>of(Set.of(), Set.of(), Set.of(), Set.of("analyst"), Set.of("probation-officer")),
                rising(true), Arbitraries.<Set<String>>of(Set.of("P"), Set.of("P"), Set.of()),
                Arbitraries.of(true, false))
                .as((from, to, patterns, purposes, roles, max, handling, consent) ->
                        SharingAgreement.builder("a", from, Recipient.parse(to))
                                .categories(patterns.stream().map(CategoryPattern::new).toList())
                                .purposes(purposes).roles(roles).maxClassification(max).handling(handling)
                                .legalBasis(consent ? new LegalBasis.Consent() : PolicyFixtures.STATUTE));
        return Combinators.combine(base, Arbitraries.of(REDACTIONS).set().ofMaxSize(2),
                Arbitraries.of(FIELDS).set().ofMinSize(1).ofMaxSize(3).injectNull(0.5),
                Arbitraries.of(Classification.class).injectNull(0.5),
                Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(6, 0), Tuple.of(2, 1)), Arbitraries.of(true, false))
                .as((builder, redact, fields, releaseAs, validity, caseload) ->
                        obligations(builder, redact, fields, releaseAs, validity, caseload));
    }

    private static SharingAgreement.Builder obligations(SharingAgreement.Builder builder, Set<String> redact,
            Set<String> fields, Classification releaseAs, int validity, boolean caseload) {
        builder.redact(List.copyOf(redact)).requiresCaseload(caseload);
        if (fields != null) {
            builder.fields(fields.stream().sorted().toList());
            if (releaseAs != null && releaseAs.atMost(builder.build().maxClassification())) {
                builder.releaseAs(releaseAs);
            }
        }
        if (validity < 0) {
            builder.validUntil(PolicyFixtures.NOW.minus(Duration.ofDays(1)));
        } else if (validity > 0) {
            builder.validFrom(PolicyFixtures.NOW.minus(Duration.ofDays(30)));
        }
        return builder;
    }

    /** Scenarios whose data carries handling code C. */
    static Arbitrary<PolicyScenario> restrictedScenarios() {
        return scenarios().map(s -> {
            Resource r = s.request().resource();
            Resource restricted = new Resource(r.origin(), r.category(), r.classification(), "C", r.person(), r.type(),
                    r.owningOrg());
            DecisionRequest q = s.request();
            return new PolicyScenario(s.agreements(), s.denyRules(),
                    new DecisionRequest(q.principal(), q.action(), restricted, q.context()), s.inCaseload(), s.consent());
        });
    }

    /** Rules drawn at random, each limited now and then to some purposes or actions. */
    static Arbitrary<DenyRule> denyRules() {
        Arbitrary<Set<String>> purposes = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<String>of())),
                Tuple.of(1, Arbitraries.of(PURPOSES).set().ofSize(1)));
        Arbitrary<Set<Action>> actions = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<Action>of())),
                Tuple.of(1, Arbitraries.of(Action.class).set().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(Arbitraries.of(Agency.class).injectNull(0.3),
                Arbitraries.of(RECIPIENTS).list().ofMinSize(1).ofMaxSize(1).injectNull(0.2),
                Arbitraries.of(PATTERNS).list().ofMinSize(1).ofMaxSize(1), purposes, actions)
                .as((from, to, patterns, purpose, action) -> new DenyRule("deny-0", from,
                        to == null ? List.of() : to.stream().map(Recipient::parse).toList(),
                        patterns.stream().map(CategoryPattern::new).toList(), purpose, action, "generated"));
    }
}
