package org.interlock.policy.governance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyLoader;

/**
 * The invariant of ADR 0011, for generated sequences of writes by generated staff of every role:
 * nobody ends up able to read another agency's record about a person unless a manager of their
 * own agency allocated them to the person — and, for a partner organisation's staff, unless the
 * person's statutory lead referred the person to the organisation, its partner manager accepted,
 * and a consent where the agreement needs one was recorded within that referral. A restriction by
 * a manager of the owning agency keeps everyone else out.
 *
 * <p>Each write is put to the engine, which alone decides whether it happens ({@link TrustWorld});
 * the oracle ({@link Legitimacy}) judges the acts that happened by who made them, independently of
 * the engine's rules. A write rule that lets the wrong person grant access shows as a read the
 * oracle cannot justify.
 */
class TrustModelPropertiesTest {

    static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    static final List<String> PERSONS = List.of("urn:interlock:person:00000000-0000-4000-8000-00000000000a",
            "urn:interlock:person:00000000-0000-4000-8000-00000000000b");
    static final List<String> PURPOSES = List.of("case-management", "resettlement");
    /** What is read: another agency's record of each kind, under agreements that need a caseload. */
    static final List<Resource> READS = List.of(
            new Resource(Agency.PRISONS, "custody.release", Classification.OFFICIAL_SENSITIVE, null, null, "episode"),
            new Resource(Agency.PROBATION, "licence.conditions", Classification.OFFICIAL_SENSITIVE, null, null,
                    "condition"));

    static final String POLICY = """
            version: trust-model-1
            purposes: [case-management, resettlement]
            categories: [custody.release, licence.conditions, allocation, referral, partner.referral, consent,
                         restriction, partner.organisation]
            staff:
              roles: [offender-manager, probation-officer, partner-caseworker, team-manager, partner-manager]
            breakGlass:
              roles: [probation-officer]
            governance:
              allocatedBy: [team-manager, partner-manager]
              selfAllocation: []
              referralsAnsweredBy: [partner-manager]
              restrictedBy: [team-manager]
              organisationsManagedBy: [partnership-manager]
            agreements:
              - {id: p2p, from: prisons, to: probation, categories: [custody.release], purposes: [case-management],
                 maxClassification: official-sensitive, legalBasis: statutory:test}
              - {id: p2o, from: probation, to: prisons, categories: [licence.conditions], purposes: [case-management],
                 maxClassification: official-sensitive, legalBasis: statutory:test}
              - {id: release-to-horizon, from: prisons, to: org:horizon, categories: [custody.release],
                 purposes: [resettlement], maxClassification: official-sensitive, fields: [$.person],
                 releaseAs: official, legalBasis: consent}
              - {id: licence-to-faith, from: probation, to: org:faith, categories: [licence.conditions],
                 purposes: [resettlement], maxClassification: official-sensitive, fields: [$.person],
                 releaseAs: official, legalBasis: statutory:test}
              - {id: referrals-to-partners, from: probation, to: partners, addressed: true, actions: [receive],
                 categories: [referral], purposes: [resettlement], maxClassification: official,
                 requiresCaseload: false, legalBasis: statutory:test}
            """;

    static Policy policy() throws Exception {
        return new PolicyLoader().load("trust-model.yaml", new StringReader(POLICY));
    }

    /**
     * Sequences of acts: most by someone whose role could make the act (so that chains of
     * authority do form and reads do get permitted), the rest by anyone, naming anyone — both the
     * chain and every shortcut an insider might try.
     */
    @Provide
    Arbitrary<List<Act>> sequences() {
        Arbitrary<Act> guided = Arbitraries.of(Act.Kind.values()).flatMap(kind -> Combinators.combine(
                Arbitraries.of(likelyActors(kind)), Arbitraries.integers().between(0, TrustWorld.STAFF.size()),
                Arbitraries.integers().between(0, PERSONS.size() - 1), Arbitraries.of("horizon", "faith"),
                categories(), purposes(), Arbitraries.integers().between(0, 7))
                .as((actor, named, person, org, categories, purposes, which) ->
                        new Act(kind, actor, named, person, org, categories, purposes, which)));
        Arbitrary<Act> anyone = Combinators.combine(
                Arbitraries.of(Act.Kind.values()),
                Arbitraries.integers().between(0, TrustWorld.STAFF.size() - 1),
                Arbitraries.integers().between(0, TrustWorld.STAFF.size()),
                Arbitraries.integers().between(0, PERSONS.size() - 1),
                Arbitraries.of("horizon", "faith"), categories(), purposes(),
                Arbitraries.integers().between(0, 7))
                .as(Act::new);
        Arbitrary<List<Act>> acts = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, guided),
                net.jqwik.api.Tuple.of(1, anyone)).list().ofMinSize(4).ofMaxSize(40);
        return Combinators.combine(Arbitraries.oneOf(chain(), Arbitraries.just(List.<Act>of())), acts)
                .as((prefix, rest) -> {
                    List<Act> sequence = new java.util.ArrayList<>(prefix);
                    sequence.addAll(rest);
                    return sequence;
                });
    }

    /**
     * The chain of authority as it should go, for one person and one organisation: a team manager
     * allocates a practitioner, who refers the person, whose organisation's manager accepts naming
     * a caseworker, who records a consent. What follows it tries every shortcut.
     */
    private static Arbitrary<List<Act>> chain() {
        return Combinators.combine(Arbitraries.integers().between(0, PERSONS.size() - 1),
                Arbitraries.of("horizon", "faith"), categories(), purposes(), Arbitraries.of(true, false))
                .as((person, org, categories, purposes, probation) -> {
                    int manager = index(probation ? "tm.probation" : "tm.prisons");
                    int lead = index(probation ? "po.probation" : "om.prisons");
                    return List.of(
                            new Act(Act.Kind.ALLOCATE, manager, lead, person, org, categories, purposes, 0),
                            new Act(Act.Kind.REFER, lead, lead, person, org, categories, purposes, 0),
                            new Act(Act.Kind.ACCEPT, index("pm." + org), index("cw." + org), person, org, categories,
                                    purposes, 0),
                            new Act(Act.Kind.CONSENT, index("cw." + org), 0, person, org, categories, purposes, 0));
                });
    }

    private static int index(String username) {
        for (int i = 0; i < TrustWorld.STAFF.size(); i++) {
            if (TrustWorld.STAFF.get(i).username().equals(username)) {
                return i;
            }
        }
        throw new IllegalArgumentException(username);
    }

    private static Arbitrary<List<String>> categories() {
        return Arbitraries.of(List.of("custody.release"), List.of("licence.conditions"), List.of("custody.*"),
                List.of("custody.release", "licence.conditions"));
    }

    private static Arbitrary<List<String>> purposes() {
        return Arbitraries.of(List.of("resettlement"), List.of("case-management"),
                List.of("resettlement", "case-management"));
    }

    /** Indices of the staff whose roles could make an act of this kind. */
    private static List<Integer> likelyActors(Act.Kind kind) {
        List<String> roles = switch (kind) {
            case ALLOCATE, RESTRICT, LIFT -> List.of("team-manager", "partner-manager");
            case REFER, WITHDRAW_REFERRAL -> List.of("offender-manager", "probation-officer");
            case ACCEPT, DECLINE -> List.of("partner-manager");
            case CONSENT -> List.of("partner-caseworker", "partner-manager");
            case END_ALLOCATION -> List.of("team-manager", "offender-manager", "probation-officer");
        };
        List<Integer> actors = new java.util.ArrayList<>();
        for (int i = 0; i < TrustWorld.STAFF.size(); i++) {
            if (TrustWorld.STAFF.get(i).holdsAnyOf(roles)) {
                actors.add(i);
            }
        }
        return actors;
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void nobodyReadsAnotherAgencysRecordUnlessOthersWithTheAuthorityMadeItSo(@ForAll("sequences") List<Act> acts)
            throws Exception {
        TrustWorld world = new TrustWorld(policy());
        acts.forEach(world::attempt);
        Legitimacy oracle = new Legitimacy(world.history());
        InterlockPolicyEngine engine = world.engine();
        int permits = 0;
        for (Principal reader : TrustWorld.STAFF) {
            for (String person : PERSONS) {
                for (Resource kind : READS) {
                    if (kind.origin().id().equals(reader.agency())) {
                        continue;
                    }
                    for (String purpose : PURPOSES) {
                        Resource resource = about(kind, person);
                        boolean permitted = engine.decide(new DecisionRequest(reader, Action.READ, resource,
                                Context.of(purpose, AT))) instanceof Permit;
                        if (permitted) {
                            permits++;
                            assertTrue(oracle.justifies(reader, resource, purpose),
                                    reader.username() + " reads " + resource.category() + " about " + person
                                            + " for " + purpose + " though nobody with the authority made it so;"
                                            + " acts that happened: " + world.history());
                        }
                    }
                }
            }
        }
        Statistics.label("cross-agency reads permitted").collect(permits == 0 ? "none" : permits < 3 ? "some" : "many");
        Statistics.label("writes that happened").collect(world.history().size() == 0 ? "none"
                : world.history().size() < 4 ? "few" : "several");
        Statistics.label("cross-agency reads permitted").coverage(coverage -> {
            // A third of the worlds must have someone reading across agencies, or the invariant is vacuous.
            coverage.check("none").percentage(p -> p <= 80);
        });
    }

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void aRestrictionByAManagerKeepsEveryoneButTheNamedStaffOut(@ForAll("sequences") List<Act> acts) throws Exception {
        TrustWorld world = new TrustWorld(policy());
        acts.forEach(world::attempt);
        Legitimacy oracle = new Legitimacy(world.history());
        InterlockPolicyEngine engine = world.engine();
        for (Principal reader : TrustWorld.STAFF) {
            for (String person : PERSONS) {
                for (Resource kind : READS) {
                    Set<String> named = oracle.restrictedTo(kind.origin(), person);
                    if (named == null || named.contains(reader.username())) {
                        continue;
                    }
                    for (String purpose : PURPOSES) {
                        assertFalse(engine.decide(new DecisionRequest(reader, Action.READ, about(kind, person),
                                        Context.of(purpose, AT))) instanceof Permit,
                                reader.username() + " reads a restricted person's " + kind.category());
                    }
                }
            }
        }
        Statistics.label("restriction in force").collect(PERSONS.stream().anyMatch(p ->
                READS.stream().anyMatch(r -> oracle.restrictedTo(r.origin(), p) != null)) ? "yes" : "no");
        Statistics.label("restriction in force").coverage(coverage -> coverage.check("yes").percentage(p -> p >= 3));
    }

    static Resource about(Resource kind, String person) {
        return new Resource(kind.origin(), kind.category(), kind.classification(), null, person, kind.type());
    }

    /** One write attempted: by whom, of what kind, naming whom, about whom, for which organisation and terms. */
    record Act(Kind kind, int actor, int named, int person, String organisation, List<String> categories,
            List<String> purposes, int which) {

        enum Kind { ALLOCATE, END_ALLOCATION, REFER, WITHDRAW_REFERRAL, ACCEPT, DECLINE, CONSENT, RESTRICT, LIFT }
    }
}
