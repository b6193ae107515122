package org.interlock.policy.engine;

import static org.interlock.contracts.Agency.INTELLIGENCE;
import static org.interlock.contracts.Agency.PRISONS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;
import static org.interlock.contracts.Classification.SECRET;
import static org.interlock.policy.PolicyFixtures.NOBODY_ALLOCATED;
import static org.interlock.policy.PolicyFixtures.NOW;
import static org.interlock.policy.PolicyFixtures.OTHER_PERSON;
import static org.interlock.policy.PolicyFixtures.PERSON;
import static org.interlock.policy.PolicyFixtures.STATUTE;
import static org.interlock.policy.PolicyFixtures.NO_CONSENT;
import static org.interlock.policy.PolicyFixtures.ana;
import static org.interlock.policy.PolicyFixtures.engine;
import static org.interlock.policy.PolicyFixtures.handled;
import static org.interlock.policy.PolicyFixtures.mia;
import static org.interlock.policy.PolicyFixtures.peter;
import static org.interlock.policy.PolicyFixtures.policy;
import static org.interlock.policy.PolicyFixtures.prisonsToProbation;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.policy.Decision;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.TrailStep;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

class AgreementRulesTest {

    @Test
    void requestCoveredByNoAgreementIsDeniedByDefault() {
        Decision decision = engine(policy()).decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
        assertEquals("test-1", decision.policyVersion());
    }

    @Test
    void statutoryAgreementPermitsWithinItsTermsAndCitesItself() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "case-management"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertEquals(new Permit("p2p", null, List.of(), ReleasedFields.WHOLE, OFFICIAL_SENSITIVE, false, "test-1",
                List.of(new TrailStep("agreement:p2p",
                        "permits on statutory:Offender Management Act 2007 s.14, released as official-sensitive"))),
                permit);
    }

    @Test
    void categoryOutsideTheAgreementIsNoAgreement() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), resource(PRISONS, "risk.assessment", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void agreementForOneAgencyGivesNothingToAnother() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(mia(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void expiredAgreementIsDeniedAsExpired() {
        SharingAgreement expired = prisonsToProbation("p2p").validUntil(NOW).build();

        Decision decision = engine(policy(expired))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.AGREEMENT_EXPIRED, reasonOf(decision));
    }

    @Test
    void agreementNotYetInForceIsDeniedAsExpired() {
        SharingAgreement future = prisonsToProbation("p2p").validFrom(NOW.plus(Duration.ofDays(1))).build();

        Decision decision = engine(policy(future))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.AGREEMENT_EXPIRED, reasonOf(decision));
    }

    @Test
    void agreementPermitsUntilTheLastInstantBeforeItsEnd() {
        SharingAgreement ending = prisonsToProbation("p2p").validFrom(NOW).validUntil(NOW.plusSeconds(1)).build();

        Decision decision = engine(policy(ending))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void purposeTheAgreementDoesNotListIsNotAllowed() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "safeguarding"));

        assertEquals(DenyReason.PURPOSE_NOT_ALLOWED, reasonOf(decision));
    }

    @Test
    void purposeUnknownToThePolicyIsNotAllowedAndNotKnown() {
        var engine = engine(policy(prisonsToProbation("p2p").build()));

        Decision decision = engine.decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "curiosity"));

        assertEquals(DenyReason.PURPOSE_NOT_ALLOWED, reasonOf(decision));
        assertEquals(false, engine.knownPurpose("curiosity"));
        assertEquals(true, engine.knownPurpose("case-management"));
    }

    @Test
    void dataAboveTheSubjectsClearanceIsDeniedEvenWhenTheAgreementAllowsIt() {
        SharingAgreement upToSecret = prisonsToProbation("p2p").maxClassification(SECRET).build();

        Decision decision = engine(policy(upToSecret))
                .decide(read(peter(), resource(PRISONS, "custody.release", SECRET), "case-management"));

        assertEquals(DenyReason.ABOVE_CLEARANCE, reasonOf(decision));
    }

    @Test
    void dataAboveTheAgreementsMaximumIsDenied() {
        SharingAgreement official = prisonsToProbation("p2p").maxClassification(OFFICIAL).build();

        Decision decision = engine(policy(official))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "case-management"));

        assertEquals(DenyReason.ABOVE_AGREEMENT_CLASSIFICATION, reasonOf(decision));
    }

    @Test
    void handlingCodeCNeverLeavesTheOrigin() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), handled(PRISONS, "custody.release", OFFICIAL, "C"), "case-management"));

        assertEquals(DenyReason.HANDLING_RESTRICTED, reasonOf(decision));
    }

    @Test
    void handlingCodePTravelsByDefault() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), handled(PRISONS, "custody.release", OFFICIAL, "P"), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void unknownHandlingCodeIsTreatedAsRestricted() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), handled(PRISONS, "custody.release", OFFICIAL, "X9"), "case-management"));

        assertEquals(DenyReason.HANDLING_RESTRICTED, reasonOf(decision));
    }

    @Test
    void personOffTheSubjectsCaseloadIsDenied() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NOT_IN_CASELOAD, reasonOf(decision));
    }

    @Test
    void caseloadIsAskedAboutThisSubjectAndThisPerson() {
        var caseload = new RecordingCaseload(Set.of("peter.probation|" + OTHER_PERSON));

        Decision decision = engine(policy(prisonsToProbation("p2p").build()), caseload, NO_CONSENT)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NOT_IN_CASELOAD, reasonOf(decision));
        assertEquals(List.of("peter.probation|" + PERSON), caseload.asked());
    }

    @Test
    void agreementThatWaivesTheCaseloadPermitsAnyPerson() {
        SharingAgreement waived = prisonsToProbation("p2p").requiresCaseload(false).build();

        Decision decision = engine(policy(waived), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void agreementNamingRolesIsOnlyForThoseRoles() {
        SharingAgreement forAnalysts = SharingAgreement.builder("analysts", PRISONS, Recipient.parse("intelligence"))
                .categories("custody.*").purposes("public-protection").roles(Set.of("analyst"))
                .maxClassification(OFFICIAL_SENSITIVE).requiresCaseload(false)
                .legalBasis(STATUTE).build();
        var officer = Principal.person("ian.intel", "intelligence", null,
                Set.of("intelligence-officer"), SECRET);

        Decision forOfficer = engine(policy(forAnalysts)).decide(read(officer,
                resource(PRISONS, "custody.release", OFFICIAL), "public-protection"));
        Decision forAnalyst = engine(policy(forAnalysts)).decide(read(ana(),
                resource(PRISONS, "custody.release", OFFICIAL), "public-protection"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(forOfficer));
        assertInstanceOf(Permit.class, forAnalyst);
    }

    @Test
    void analystGetsNothingFromAnAgreementMeantForStaff() {
        SharingAgreement forStaff = SharingAgreement.builder("intel-staff", PRISONS, Recipient.parse("intelligence"))
                .categories("custody.*").purposes("public-protection").maxClassification(OFFICIAL_SENSITIVE)
                .legalBasis(STATUTE).build();

        Decision decision = engine(policy(forStaff))
                .decide(read(ana(), resource(PRISONS, "custody.release", OFFICIAL), "public-protection"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void analystIsNotOwnerOfHerOwnAgencysData() {
        Decision decision = engine(policy())
                .decide(read(ana(), resource(INTELLIGENCE, "intel.report", SECRET), "public-protection"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void reasonComesFromTheAgreementThatGotFurthest() {
        SharingAgreement wrongPurpose = prisonsToProbation("a-purpose").purposes("safeguarding").build();
        SharingAgreement offCaseload = prisonsToProbation("b-caseload").build();

        Decision decision = engine(policy(wrongPurpose, offCaseload), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NOT_IN_CASELOAD, reasonOf(decision));
    }
}
