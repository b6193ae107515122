package org.interlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.interlock.contracts.Classification;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.SharingAgreement;

/**
 * Rules that must hold for every subject, resource and policy, not just the ones we thought of:
 * obligations are never lost, clearance is never exceeded, deny rules and handling codes always win.
 */
class PolicyPropertiesTest {

    @Provide
    Arbitrary<PolicyScenario> scenarios() {
        return PolicyArbitraries.scenarios();
    }

    @Provide
    Arbitrary<PolicyScenario> restrictedScenarios() {
        return PolicyArbitraries.restrictedScenarios();
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void noPermitOmitsAPathThatAnApplicableAgreementRedactsForThatRecipient(@ForAll("scenarios") PolicyScenario s) {
        Decision decision = s.decide();
        Statistics.label("decision").collect(outcome(decision));
        if (!(decision instanceof Permit permit) || permit.agreementId() == null) {
            return;
        }
        for (SharingAgreement agreement : s.agreements()) {
            if (s.decideUnder(s.policyWith(List.of(agreement))) instanceof Permit) {
                assertTrue(permit.redactions().containsAll(agreement.redact()),
                        agreement.id() + " redacts " + agreement.redact() + ", permit " + permit.redactions());
                for (String field : permit.fields()) {
                    assertTrue(ReleasedFields.coveredBy(field, agreement.fields()),
                            agreement.id() + " does not release " + field);
                }
            }
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void noPermitIsForDataAboveThePrincipalsClearance(@ForAll("scenarios") PolicyScenario s) {
        if (!(s.decide() instanceof Permit permit)) {
            return;
        }
        Classification data = s.request().resource().classification();
        Classification ceiling = s.request().action().byPerson()
                ? s.request().principal().clearance() : cited(s, permit).maxClassification();

        assertTrue(permit.releasedAs().atMost(ceiling), permit + " above " + ceiling);
        assertTrue(permit.releasedAs().atMost(data));
        if (permit.releasedAs() != data) {
            assertTrue(permit.projected(), "declassified without a field whitelist: " + permit);
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void noPermitWhenAnExplicitDenyRuleMatches(@ForAll("scenarios") PolicyScenario s) {
        if (s.decide() instanceof Permit) {
            for (DenyRule rule : s.denyRules()) {
                assertFalse(rule.matches(s.request()), "deny rule " + rule.id() + " matched a permit");
            }
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void handlingCodeCNeverLeavesTheOriginAgency(@ForAll("restrictedScenarios") PolicyScenario s) {
        Statistics.label("handling C").collect(outcome(s.decide()));
        if (s.decide() instanceof Permit permit) {
            assertEquals(s.request().resource().origin().id(), s.request().principal().agency());
            assertEquals(null, permit.agreementId());
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void onlyTheOwningAgencysStaffEverWrite(@ForAll("scenarios") PolicyScenario s) {
        if (s.request().action() == Action.WRITE && s.decide() instanceof Permit) {
            assertEquals(s.request().resource().origin().id(), s.request().principal().agency());
            assertTrue(s.request().principal().holdsAnyOf(PolicyFixtures.STAFF));
        }
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void decisionDoesNotDependOnTheOrderOfAgreements(@ForAll("scenarios") PolicyScenario s, @ForAll long seed) {
        List<SharingAgreement> shuffled = new ArrayList<>(s.agreements());
        Collections.shuffle(shuffled, new java.util.Random(seed));

        assertEquals(s.decide(), s.decideUnder(s.policyWith(shuffled)));
    }

    private static String outcome(Decision decision) {
        return switch (decision) {
            case Permit p when p.agreementId() == null -> "owner permit";
            case Permit p -> "agreement permit";
            case Deny d -> "deny " + d.reason();
        };
    }

    private static SharingAgreement cited(PolicyScenario s, Permit permit) {
        return s.agreements().stream().filter(a -> a.id().equals(permit.agreementId())).findFirst().orElseThrow();
    }
}
