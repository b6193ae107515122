package org.interlock.policy;

import java.time.Duration;
import java.util.ArrayList;
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
 * permits to be common.
 */
final class PolicyArbitraries {

    private static final List<String> RECIPIENTS = List.of("prisons", "probation", "intelligence", "partners",
            "org:horizon-mentoring", "org:faith-bridge");
    private static final List<String> ROLES = List.of("offender-manager", "probation-officer", "intelligence-officer",
            "partner-caseworker", "analyst", "auditor");
    private static final List<String> CATEGORIES = List.of("custody.release", "licence.conditions", "intel.report",
            "intel.summary");
    private static final List<String> PATTERNS = List.of("*", "custody.*", "custody.release", "licence.*",
            "licence.conditions", "intel.*", "intel.summary");
    private static final List<String> PURPOSES = List.of("case-management", "public-protection", "resettlement");
    private static final List<String> REDACTIONS = List.of("$.details", "$.prisonNumber", "$.a[*].b", "$..secret");
    private static final List<String> FIELDS = List.of("$.person", "$.releaseDate", "$.details", "$.kind", "$.a.b");

    private PolicyArbitraries() {
    }

    static Arbitrary<PolicyScenario> scenarios() {
        Arbitrary<List<DenyRule>> denyRules = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(List.of())),
                Tuple.of(3, denyRules().list().ofSize(1)));
        return agreements().flatMap(agreements -> Combinators.combine(Arbitraries.just(agreements), denyRules,
                requestsNear(agreements), likely(), likely()).as(PolicyScenario::new));
    }

    private static Arbitrary<Boolean> likely() {
        return Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false));
    }

    /** Requests aimed at one of the agreements, each part of the aim missed now and then. */
    private static Arbitrary<DecisionRequest> requestsNear(List<SharingAgreement> agreements) {
        return Arbitraries.of(agreements).flatMap(target -> {
            Arbitrary<Agency> origin = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(target.from())),
                    Tuple.of(1, Arbitraries.of(Agency.class)));
            Arbitrary<String> recipient = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(target.to().id())),
                    Tuple.of(1, Arbitraries.of(RECIPIENTS)), Tuple.of(2, origin.map(Agency::id)));
            List<String> covered = CATEGORIES.stream().filter(target::covers).toList();
            Arbitrary<String> category = covered.isEmpty() ? Arbitraries.of(CATEGORIES) : Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.of(covered)), Tuple.of(1, Arbitraries.of(CATEGORIES)));
            Arbitrary<String> purpose = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(target.purposes())),
                    Tuple.of(1, Arbitraries.of(PURPOSES)));
            Arbitrary<Resource> resources = Combinators.combine(origin, category, rising(false),
                    Arbitraries.frequency(Tuple.of(8, "-"), Tuple.of(3, "P"), Tuple.of(2, "C"), Tuple.of(1, "X")))
                    .as((from, what, classification, handling) -> new Resource(from, what, classification,
                            handling.equals("-") ? null : handling, PolicyFixtures.PERSON, "t"));
            Arbitrary<Context> contexts = Combinators.combine(purpose, Arbitraries.of("urgent").injectNull(0.9))
                    .as((why, reason) -> new Context(why, reason, PolicyFixtures.NOW));
            Arbitrary<DecisionRequest> byPeople = Combinators.combine(people(recipient, target.roles()),
                    Arbitraries.frequency(Tuple.of(6, Action.READ), Tuple.of(3, Action.SUBSCRIBE), Tuple.of(1, Action.WRITE)),
                    resources, contexts).as(DecisionRequest::new);
            Arbitrary<DecisionRequest> toInboxes = Combinators.combine(recipient.map(PolicyArbitraries::inbox),
                    resources, contexts)
                    .as((inbox, resource, context) -> new DecisionRequest(inbox, Action.RECEIVE, resource, context));
            return Arbitraries.frequencyOf(Tuple.of(3, byPeople), Tuple.of(1, toInboxes));
        });
    }

    /** Mostly holding a role the target agreement needs: one of its roles, or a staff role. */
    private static Arbitrary<Principal> people(Arbitrary<String> recipient, Set<String> targetRoles) {
        Arbitrary<String> needed = targetRoles.isEmpty()
                ? Arbitraries.of(PolicyFixtures.STAFF) : Arbitraries.of(targetRoles);
        Arbitrary<Set<String>> held = Combinators.combine(needed, Arbitraries.of(ROLES).set().ofMaxSize(1),
                Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false))).as((role, others, fits) -> {
                    Set<String> roles = new java.util.HashSet<>(others);
                    if (fits || roles.isEmpty()) {
                        roles.add(fits ? role : "auditor");
                    }
                    return roles;
                });
        return Combinators.combine(recipient, Arbitraries.of("horizon-mentoring", "faith-bridge"), held, rising(true))
                .as((to, org, roles, clearance) -> {
                    if (to.startsWith("org:")) {
                        return Principal.person("someone", "partners", to.substring(4), roles, clearance);
                    }
                    return Principal.person("someone", to, to.equals("partners") ? org : null, roles, clearance);
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
                    a.redact(), a.fields(), a.releaseAs(), a.validFrom(), a.validUntil(), a.requiresCaseload()));
        }
        return agreements;
    }

    private static Arbitrary<SharingAgreement.Builder> agreement() {
        Arbitrary<SharingAgreement.Builder> base = Combinators.combine(Arbitraries.of(Agency.class),
                Arbitraries.of(RECIPIENTS), Arbitraries.of(PATTERNS).set().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(PURPOSES).set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.<Set<String>>of(Set.of(), Set.of(), Set.of("analyst"), Set.of("probation-officer")),
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
            Resource restricted = new Resource(r.origin(), r.category(), r.classification(), "C", r.person(), r.type());
            DecisionRequest q = s.request();
            return new PolicyScenario(s.agreements(), s.denyRules(),
                    new DecisionRequest(q.principal(), q.action(), restricted, q.context()), s.inCaseload(), s.consent());
        });
    }

    static Arbitrary<DenyRule> denyRules() {
        return Combinators.combine(Arbitraries.of(Agency.class).injectNull(0.3),
                Arbitraries.of(RECIPIENTS).list().ofMinSize(1).ofMaxSize(1).injectNull(0.2),
                Arbitraries.of(PATTERNS).list().ofMinSize(1).ofMaxSize(1))
                .as((from, to, patterns) -> new DenyRule("deny-0", from,
                        to == null ? List.of() : to.stream().map(Recipient::parse).toList(),
                        patterns.stream().map(CategoryPattern::new).toList(), Set.of(), Set.of(), "generated"));
    }
}
