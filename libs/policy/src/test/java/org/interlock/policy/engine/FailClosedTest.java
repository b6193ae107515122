package org.interlock.policy.engine;

import static org.interlock.contracts.Agency.PRISONS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.policy.PolicyFixtures.NO_CONSENT;
import static org.interlock.policy.PolicyFixtures.PERSON;
import static org.interlock.policy.PolicyFixtures.engine;
import static org.interlock.policy.PolicyFixtures.peter;
import static org.interlock.policy.PolicyFixtures.policy;
import static org.interlock.policy.PolicyFixtures.prisonsToProbation;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Classification;
import org.interlock.policy.Caseload;
import org.interlock.policy.Decision;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.TrailStep;
import org.interlock.policy.PolicyFixtures;
import org.interlock.policy.language.LegalBasis;

class FailClosedTest {

    private static final Resource RELEASE = resource(PRISONS, "custody.release", OFFICIAL);

    @Test
    void noPolicyInForceDeniesEverythingAsPolicyError() {
        Decision decision = new InterlockPolicyEngine(() -> null, PolicyFixtures.agreementsAlone((u, p) -> true, NO_CONSENT))
                .decide(read(peter(), RELEASE, "case-management"));

        assertEquals(new Deny(DenyReason.POLICY_ERROR, "none", List.of(new TrailStep("engine", "no policy in force"))),
                decision);
    }

    @Test
    void failingCaseloadLookupDeniesAsPolicyErrorWithoutQuotingTheFailure() {
        Caseload broken = (username, person) -> {
            throw new IllegalStateException("lookup failed for " + person);
        };

        Decision decision = engine(policy(prisonsToProbation("p2p").build()), broken, NO_CONSENT)
                .decide(read(peter(), RELEASE, "case-management"));

        assertEquals(new Deny(DenyReason.POLICY_ERROR, "test-1",
                List.of(new TrailStep("engine", "evaluation failed: IllegalStateException"))), decision);
        assertFalse(decision.trail().toString().contains(PERSON));
    }

    @Test
    void failingConsentRegistryDeniesAsPolicyError() {
        var consentBased = prisonsToProbation("p2p").legalBasis(new LegalBasis.Consent()).build();

        Decision decision = engine(policy(consentBased), (u, p) -> true, (person, org, category, purpose, at) -> {
            throw new IllegalStateException("registry down");
        }).decide(read(peter(), RELEASE, "case-management"));

        assertEquals(DenyReason.POLICY_ERROR, reasonOf(decision));
    }

    @Test
    void unreadablePolicyDeniesAsPolicyError() {
        Decision decision = new InterlockPolicyEngine(() -> {
            throw new IllegalStateException("store broken");
        }, PolicyFixtures.agreementsAlone((u, p) -> true, NO_CONSENT)).decide(read(peter(), RELEASE, "case-management"));

        assertEquals(DenyReason.POLICY_ERROR, reasonOf(decision));
    }

    @Test
    void missingRequestDeniesAsPolicyError() {
        assertEquals(DenyReason.POLICY_ERROR, reasonOf(engine(policy()).decide(null)));
    }

    @Test
    void resourceWithoutClassificationDeniesAsPolicyError() {
        Resource unmarked = new Resource(PRISONS, "custody.release", null, null, PERSON, "t");

        assertEquals(DenyReason.POLICY_ERROR,
                reasonOf(engine(policy(prisonsToProbation("p2p").build())).decide(read(peter(), unmarked, "case-management"))));
    }

    @Test
    void subjectWithoutClearanceIsUnknown() {
        Principal noClearance = Principal.person("peter.probation", "probation", null, Set.of("probation-officer"), null);

        assertEquals(DenyReason.UNKNOWN_SUBJECT,
                reasonOf(engine(policy()).decide(read(noClearance, RELEASE, "case-management"))));
    }

    @Test
    void subjectWithoutAgencyIsUnknown() {
        Principal noAgency = Principal.person("peter.probation", null, null, Set.of("probation-officer"),
                Classification.SECRET);

        assertEquals(DenyReason.UNKNOWN_SUBJECT,
                reasonOf(engine(policy()).decide(read(noAgency, RELEASE, "case-management"))));
    }

    @Test
    void inboxPrincipalCannotReadAsAPerson() {
        assertEquals(DenyReason.UNKNOWN_SUBJECT, reasonOf(engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(Principal.inbox("probation", null), RELEASE, "case-management"))));
    }

    @Test
    void missingSubjectIsUnknown() {
        assertEquals(DenyReason.UNKNOWN_SUBJECT,
                reasonOf(engine(policy()).decide(read(null, RELEASE, "case-management"))));
    }
}
