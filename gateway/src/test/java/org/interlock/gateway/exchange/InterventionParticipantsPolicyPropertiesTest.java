package org.interlock.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.CatalogueReader;
import org.interlock.contracts.Agency;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.policy.TestPolicy;
import org.interlock.gateway.exchange.InterventionWorld.Intervention;
import org.interlock.gateway.exchange.InterventionWorld.Participant;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicyLoader;
import org.interlock.triggers.evaluation.Firing;
import org.interlock.triggers.evaluation.TriggerEvaluator;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * A third party's details recorded on an intervention (a family member, a friend, a community
 * gatekeeper) never reach a partner organisation that does not deliver it — faith-bridge among them —
 * nor any analyst (ADR 0017), whatever later agreements and trigger rules say: over generated
 * interventions and participants, subjects (faith-bridge's staff in any role and its inbox, analysts of
 * every agency, other organisations' staff and inboxes), every purpose, action and clearance, with
 * break-glass or not, the engine, on the real gateway policy plus generated widening agreements, never
 * permits a participant's details to them; and the review triggers (the real rules plus rules on the
 * participants' category) never tell them of a firing those details are part of, and never carry the
 * details themselves. Views are as generous as can be: everyone's caseload, referrals and consents.
 */
class InterventionParticipantsPolicyPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final ClassLoader CLASSES = InterventionParticipantsPolicyPropertiesTest.class.getClassLoader();
    private static final Catalogue PRISONS = CatalogueReader.fromClasspath(Agency.PRISONS, CLASSES, "META-INF/interlock/catalogues/");
    private static final Catalogue PROBATION = CatalogueReader.fromClasspath(Agency.PROBATION, CLASSES, "META-INF/interlock/catalogues/");
    private static final Catalogue PARTNERS = CatalogueReader.fromClasspath(Agency.PARTNERS, CLASSES, "META-INF/interlock/catalogues/");
    /** Rules a later reviewer might add: they read the participants' category. */
    private static final String PARTICIPANT_RULES = """

              - id: participant-withdrew-near-a-concern
                description: A participant withdrew from an intervention and a partner raised a concern within 14 days.
                when:
                  - category: intervention.participant
                    field: consent
                    equals: WITHDRAWN
                  - category: partner.concern
                within: 14d

              - id: third-party-joined
                description: A family member, friend or community gatekeeper joined an intervention.
                when:
                  - category: intervention.participant
                    field: relationship
                    in: [FAMILY_MEMBER, FRIEND, COMMUNITY_GATEKEEPER]
            """;
    private static final TriggerRules RULES = rules();

    @Property(tries = 400)
    void aParticipantsDetailsAreNeverPermittedToAnyoneButTheDeliveringOrganisation(
            @ForAll("interventions") Intervention intervention, @ForAll("participants") Participant participant,
            @ForAll("laterAgreements") List<String> laterAgreements, @ForAll("outsiders") Principal outsider,
            @ForAll Action action, @ForAll boolean breakGlass) throws PolicyException {
        Policy policy = policyWith(laterAgreements);
        InterlockPolicyEngine engine = new InterlockPolicyEngine(() -> policy, InterventionWorld.GENEROUS);
        List<Resource> asked = new ArrayList<>();
        for (boolean withdrawn : new boolean[] {false, true}) {
            asked.add(InterventionWorld.event(catalogue(intervention.origin()), intervention, participant, withdrawn, NOW)
                    .resource());
        }
        Disclosable record = Disclosable.of(intervention.origin(), catalogue(intervention.origin()).records()
                .get("intervention-participant"), InterventionWorld.record(intervention, participant));
        record.facets().stream().map(Disclosable.Facet::resource)
                .filter(r -> r.category().equals("intervention.participant")).forEach(asked::add);

        for (Resource resource : asked) {
            for (String purpose : policy.purposes()) {
                Context context = breakGlass ? new Context(purpose, "stated reason", NOW) : Context.of(purpose, NOW);
                assertInstanceOf(Deny.class, engine.decide(new DecisionRequest(outsider, action, resource, context)),
                        () -> outsider + " " + action + " " + resource + " for " + purpose);
            }
        }
    }

    @Property(tries = 200)
    void noFiringTellsAnOutsiderOfAParticipantOrCarriesTheirDetails(
            @ForAll("interventions") Intervention intervention, @ForAll("participantLists") List<Participant> participants,
            @ForAll("laterAgreements") List<String> laterAgreements, @ForAll("outsiders") Principal outsider,
            @ForAll("gaps") List<Integer> gaps) throws PolicyException {
        Policy policy = policyWith(laterAgreements);
        InterlockPolicyEngine engine = new InterlockPolicyEngine(() -> policy, InterventionWorld.GENEROUS);
        TriggerEvaluator evaluator = new TriggerEvaluator(RULES);
        List<Firing> firings = new ArrayList<>();
        Instant time = NOW.minusSeconds(3_600L * 24 * 90);
        int i = 0;
        for (Participant participant : participants) {
            for (boolean withdrawn : new boolean[] {false, true}) {
                time = time.plusSeconds(3_600L * gaps.get(i++ % gaps.size()));
                firings.addAll(evaluator.accept(InterventionWorld.observed(
                        InterventionWorld.event(catalogue(intervention.origin()), intervention, participant, withdrawn,
                                time))));
                time = time.plusSeconds(3_600L * gaps.get(i++ % gaps.size()));
                firings.addAll(evaluator.accept(InterventionWorld.observed(
                        InterventionWorld.concern(PARTNERS, intervention, time))));
            }
        }
        boolean told = false;
        for (Firing firing : firings) {
            for (Participant participant : participants) {
                assertFalse(firing.toString().contains(participant.name()), "a firing carries a participant's name");
                assertFalse(firing.toString().contains(participant.contact()), "a firing carries a participant's contact");
            }
            if (firing.details().stream().anyMatch(d -> d instanceof Resource r
                    && r.category().equals("intervention.participant"))) {
                told = true;
                assertNull(TriggerAudience.permittedPurpose(engine, policy.purposes(), outsider, firing, NOW),
                        () -> outsider + " would hear of " + firing);
            }
        }
        Statistics.label("firings on a participant's details").collect(told);
        Statistics.label("firings on a participant's details").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Provide
    Arbitrary<Intervention> interventions() {
        return Combinators.combine(Arbitraries.of(Agency.PRISONS, Agency.PROBATION),
                        Arbitraries.of(InterventionWorld.PROVIDERS), Arbitraries.of("family-mediation",
                                "identity-programme", "faith-guidance", "education"))
                .as(Intervention::of);
    }

    @Provide
    Arbitrary<Participant> participants() {
        return InterventionWorld.participants();
    }

    @Provide
    Arbitrary<List<Participant>> participantLists() {
        return InterventionWorld.participants().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(1, 24 * 20).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> laterAgreements() {
        return InterventionWorld.wideningAgreement().list().ofMaxSize(3);
    }

    /** Faith-bridge's staff and inbox, analysts of every agency, other organisations' staff and inboxes. */
    @Provide
    Arbitrary<Principal> outsiders() {
        return InterventionWorld.outsiders();
    }

    private static Catalogue catalogue(Agency origin) {
        return origin == Agency.PRISONS ? PRISONS : PROBATION;
    }

    private static Policy policyWith(List<String> laterAgreements) throws PolicyException {
        String starter = TestPolicy.starter();
        int deny = starter.indexOf("\ndeny:");
        StringBuilder later = new StringBuilder();
        for (int i = 0; i < laterAgreements.size(); i++) {
            later.append(laterAgreements.get(i).replace("{id}", "later-" + i));
        }
        String policy = starter.substring(0, deny) + "\n" + later + starter.substring(deny);
        return new PolicyLoader().load("interlock-policy.yaml", new StringReader(policy));
    }

    private static TriggerRules rules() {
        try (InputStream in = CLASSES.getResourceAsStream("policy/" + TriggerLoader.FILE)) {
            String real = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new TriggerLoader(TriggerVocabulary.fromClasspath(CLASSES, "META-INF/interlock/catalogues/",
                    "META-INF/interlock/service-schemas/")).load("triggers.yaml",
                    new StringReader(real.stripTrailing() + "\n" + PARTICIPANT_RULES.stripIndent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
