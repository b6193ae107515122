package org.interlock.policy.governance;

import static org.interlock.policy.governance.TrustModelPropertiesTest.AT;
import static org.interlock.policy.governance.TrustModelPropertiesTest.PERSONS;
import static org.interlock.policy.governance.TrustModelPropertiesTest.PURPOSES;
import static org.interlock.policy.governance.TrustModelPropertiesTest.READS;
import static org.interlock.policy.governance.TrustModelPropertiesTest.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.Views;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.engine.LinkedPolicyEngine;
import org.interlock.policy.language.Policy;
import org.interlock.policy.views.PersonLinkRegister;

/**
 * ADR 0014 for generated worlds (the acts of {@link TrustModelPropertiesTest}, made through the
 * engine): once the person index merges the second person into the first, nobody sees a record
 * about either that no single reference would have let them see, a restriction on either keeps
 * everyone but the staff it names out of both, whoever saw one person's records sees the
 * other's, and an unmerge gives back every decision exactly as it was.
 */
class MergePropertiesTest {

    private static final String SURVIVOR = PERSONS.get(0);
    private static final String MERGED = PERSONS.get(1);

    @Provide
    Arbitrary<List<TrustModelPropertiesTest.Act>> sequences() {
        return new TrustModelPropertiesTest().sequences();
    }

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void aMergeLetsNobodySeeWhatNoSingleReferenceLetThemSee(
            @ForAll("sequences") List<TrustModelPropertiesTest.Act> acts) throws Exception {
        TrustWorld world = world(acts);
        PolicyEngine merged = linked(world, mergedLinks());
        int permits = 0;
        for (Principal reader : TrustWorld.STAFF) {
            for (Resource kind : READS) {
                for (String purpose : PURPOSES) {
                    for (String person : PERSONS) {
                        if (!(merged.decide(read(reader, about(kind, person), purpose)) instanceof Permit)) {
                            continue;
                        }
                        permits++;
                        assertTrue(PERSONS.stream().anyMatch(q -> world.engine().decide(
                                        read(reader, about(kind, q), purpose)) instanceof Permit),
                                reader.username() + " sees " + kind.category() + " about " + person
                                        + " that no reference let them see; acts: " + world.history());
                        for (String q : PERSONS) {
                            Optional<Set<String>> restricted = world.views().restrictions()
                                    .restrictedTo(kind.origin(), q);
                            assertFalse(restricted.isPresent() && !restricted.get().contains(reader.username()),
                                    reader.username() + " sees a restricted person's " + kind.category());
                        }
                    }
                }
            }
        }
        Statistics.label("reads permitted after the merge").collect(permits == 0 ? "none" : "some");
        Statistics.label("reads permitted after the merge").coverage(c -> c.check("none").percentage(p -> p <= 80));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void whoeverSawOneReferenceSeesTheOtherUnlessARestrictionSaysOtherwise(
            @ForAll("sequences") List<TrustModelPropertiesTest.Act> acts) throws Exception {
        TrustWorld world = world(acts);
        PolicyEngine merged = linked(world, mergedLinks());
        for (Principal reader : TrustWorld.STAFF) {
            for (Resource kind : READS) {
                boolean restricted = PERSONS.stream().anyMatch(q -> world.views().restrictions()
                        .restrictedTo(kind.origin(), q).isPresent());
                for (String purpose : PURPOSES) {
                    boolean sawEither = PERSONS.stream().anyMatch(q -> world.engine().decide(
                            read(reader, about(kind, q), purpose)) instanceof Permit);
                    if (!sawEither || restricted) {
                        continue;
                    }
                    for (String person : PERSONS) {
                        assertTrue(merged.decide(read(reader, about(kind, person), purpose)) instanceof Permit,
                                reader.username() + " no longer sees " + kind.category() + " about " + person);
                    }
                }
            }
        }
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void anUnmergeGivesBackEveryDecisionAsItWas(@ForAll("sequences") List<TrustModelPropertiesTest.Act> acts)
            throws Exception {
        TrustWorld world = world(acts);
        PersonLinkRegister links = new PersonLinkRegister();
        PolicyEngine engine = linked(world, links);
        List<Boolean> before = decisions(engine);
        links.merged(SURVIVOR, List.of(MERGED));
        decisions(engine);
        links.unmerged(SURVIVOR, List.of(MERGED));
        assertEquals(before, decisions(engine));
        assertEquals(decisions(world.engine()), before);
    }

    private static List<Boolean> decisions(PolicyEngine engine) {
        List<Boolean> all = new ArrayList<>();
        for (Principal reader : TrustWorld.STAFF) {
            for (Resource kind : READS) {
                for (String purpose : PURPOSES) {
                    for (String person : PERSONS) {
                        all.add(engine.decide(read(reader, about(kind, person), purpose)) instanceof Permit);
                    }
                }
            }
        }
        return all;
    }

    private static TrustWorld world(List<TrustModelPropertiesTest.Act> acts) throws Exception {
        TrustWorld world = new TrustWorld(TrustModelPropertiesTest.policy());
        acts.forEach(world::attempt);
        return world;
    }

    private static PersonLinkRegister mergedLinks() {
        PersonLinkRegister links = new PersonLinkRegister();
        links.merged(SURVIVOR, List.of(MERGED));
        return links;
    }

    /** The gateway's engine over the world's views, as PolicyEngineProducer builds it. */
    private static PolicyEngine linked(TrustWorld world, PersonLinkRegister links) throws Exception {
        Policy policy = TrustModelPropertiesTest.policy();
        Views v = world.views();
        Views restricted = new Views(v.caseload(), v.consents(), v.referrals(),
                LinkedPolicyEngine.restrictions(v.restrictions(), links), v.organisations(), v.staff());
        return new LinkedPolicyEngine(new InterlockPolicyEngine(() -> policy, restricted), links);
    }

    private static DecisionRequest read(Principal reader, Resource resource, String purpose) {
        return new DecisionRequest(reader, Action.READ, resource, Context.of(purpose, AT));
    }
}
