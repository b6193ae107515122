package org.interlock.policy.engine;

import static org.interlock.contracts.Agency.PRISONS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;
import static org.interlock.contracts.Classification.SECRET;
import static org.interlock.policy.PolicyFixtures.CONSENT_GIVEN;
import static org.interlock.policy.PolicyFixtures.EVERYONE_ALLOCATED;
import static org.interlock.policy.PolicyFixtures.NOBODY_ALLOCATED;
import static org.interlock.policy.PolicyFixtures.NOW;
import static org.interlock.policy.PolicyFixtures.NO_CONSENT;
import static org.interlock.policy.PolicyFixtures.PERSON;
import static org.interlock.policy.PolicyFixtures.breakGlass;
import static org.interlock.policy.PolicyFixtures.engine;
import static org.interlock.policy.PolicyFixtures.fred;
import static org.interlock.policy.PolicyFixtures.handled;
import static org.interlock.policy.PolicyFixtures.mia;
import static org.interlock.policy.PolicyFixtures.olivia;
import static org.interlock.policy.PolicyFixtures.peter;
import static org.interlock.policy.PolicyFixtures.policy;
import static org.interlock.policy.PolicyFixtures.prisonsToProbation;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.request;
import static org.interlock.policy.PolicyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.policy.Action;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.ConsentView;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

class BreakGlassConsentAndInboxTest {

    private static SharingAgreement releaseToHorizon() {
        return SharingAgreement.builder("release-to-horizon", PRISONS, Recipient.parse("org:horizon-mentoring"))
                .categories("custody.release").purposes("resettlement").maxClassification(OFFICIAL_SENSITIVE)
                .fields(List.of("$.person", "$.releaseDate")).releaseAs(OFFICIAL)
                .legalBasis(new LegalBasis.Consent()).build();
    }

    @Test
    void breakGlassBypassesTheCaseloadAndFlagsThePermit() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(breakGlass(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertTrue(permit.breakGlass());
        assertTrue(permit.trail().toString().contains("caseload bypassed by break-glass"), permit.trail().toString());
    }

    @Test
    void permitWithoutBreakGlassIsNotFlagged() {
        Permit permit = assertInstanceOf(Permit.class, engine(policy(prisonsToProbation("p2p").build()))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management")));

        assertFalse(permit.breakGlass());
    }

    @Test
    void breakGlassOnOwnDataIsStillFlagged() {
        Permit permit = assertInstanceOf(Permit.class, engine(policy())
                .decide(breakGlass(olivia(), resource(PRISONS, "custody.release", OFFICIAL), "case-management")));

        assertTrue(permit.breakGlass());
    }

    @Test
    void breakGlassByARoleThePolicyDoesNotNameIsDenied() {
        Decision decision = engine(policy(releaseToHorizon()), NOBODY_ALLOCATED, CONSENT_GIVEN)
                .decide(breakGlass(mia(), resource(PRISONS, "custody.release", OFFICIAL), "resettlement"));

        assertEquals(DenyReason.BREAK_GLASS_NOT_ALLOWED, reasonOf(decision));
    }

    @Test
    void breakGlassDoesNotBypassTheClearance() {
        SharingAgreement upToSecret = prisonsToProbation("p2p").maxClassification(SECRET).build();

        Decision decision = engine(policy(upToSecret), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(breakGlass(peter(), resource(PRISONS, "custody.release", SECRET), "case-management"));

        assertEquals(DenyReason.ABOVE_CLEARANCE, reasonOf(decision));
    }

    @Test
    void breakGlassDoesNotBypassHandlingCodes() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(breakGlass(peter(), handled(PRISONS, "custody.release", OFFICIAL, "C"), "case-management"));

        assertEquals(DenyReason.HANDLING_RESTRICTED, reasonOf(decision));
    }

    @Test
    void consentBasedAgreementWithoutConsentIsDenied() {
        Decision decision = engine(policy(releaseToHorizon()), EVERYONE_ALLOCATED, NO_CONSENT)
                .decide(read(mia(), resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "resettlement"));

        assertEquals(DenyReason.NO_CONSENT, reasonOf(decision));
    }

    @Test
    void consentBasedAgreementCitesTheConsentAndReleasesOnlyTheProjection() {
        Decision decision = engine(policy(releaseToHorizon()), EVERYONE_ALLOCATED, CONSENT_GIVEN)
                .decide(read(mia(), resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "resettlement"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertEquals("consent-7", permit.consentId());
        assertEquals(List.of("$.person", "$.releaseDate"), permit.fields());
        assertEquals(OFFICIAL, permit.releasedAs());
    }

    @Test
    void consentIsAskedForThisPersonRecipientCategoryPurposeAndInstant() {
        List<String> asked = new ArrayList<>();
        ConsentView recording = (person, org, category, purpose, at) -> {
            asked.add(String.join("|", person, org, category, purpose, at.toString()));
            return Optional.of(new ConsentGrant("c-1", person, org, at));
        };

        engine(policy(releaseToHorizon()), EVERYONE_ALLOCATED, recording)
                .decide(read(mia(), resource(PRISONS, "custody.release", OFFICIAL), "resettlement"));

        assertEquals(List.of(String.join("|", PERSON, "horizon-mentoring", "custody.release", "resettlement",
                NOW.toString())), asked);
    }

    @Test
    void statutoryAgreementNeverAsksForConsent() {
        ConsentView refusing = (person, org, category, purpose, at) -> {
            throw new AssertionError("consent asked");
        };

        Decision decision = engine(policy(prisonsToProbation("p2p").build()), EVERYONE_ALLOCATED, refusing)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void organisationAgreementDoesNotReachAnotherOrganisation() {
        Decision decision = engine(policy(releaseToHorizon()), EVERYONE_ALLOCATED, CONSENT_GIVEN)
                .decide(read(fred(), resource(PRISONS, "custody.release", OFFICIAL), "resettlement"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void consentBasisWithoutAPersonIsNoConsent() {
        var aboutNobody = new org.interlock.policy.Resource(PRISONS, "custody.release", OFFICIAL, null, null, "t");

        Decision decision = engine(policy(releaseToHorizon()), EVERYONE_ALLOCATED, CONSENT_GIVEN)
                .decide(read(mia(), aboutNobody, "resettlement"));

        assertEquals(DenyReason.NO_CONSENT, reasonOf(decision));
    }

    @Test
    void inboxReceivesUnderAnAgreementWithoutAnyCaseload() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(request(Principal.inbox("probation", null), Action.RECEIVE,
                        resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "case-management"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertEquals(ReleasedFields.WHOLE, permit.fields());
    }

    @Test
    void inboxCeilingIsTheAgreementsMaximum() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(request(Principal.inbox("probation", null), Action.RECEIVE,
                        resource(PRISONS, "custody.release", SECRET), "case-management"));

        assertEquals(DenyReason.ABOVE_AGREEMENT_CLASSIFICATION, reasonOf(decision));
    }

    @Test
    void inboxCannotBreakGlass() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build())).decide(new DecisionRequest(
                Principal.inbox("probation", null), Action.RECEIVE, resource(PRISONS, "custody.release", OFFICIAL),
                new Context("case-management", "urgent", NOW)));

        assertEquals(DenyReason.BREAK_GLASS_NOT_ALLOWED, reasonOf(decision));
    }

    @Test
    void agreementsNamingRolesNeverRouteToAnInbox() {
        SharingAgreement forOfficers = prisonsToProbation("p2p").roles(Set.of("probation-officer")).build();

        Decision decision = engine(policy(forOfficers)).decide(request(Principal.inbox("probation", null),
                Action.RECEIVE, resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }

    @Test
    void agreementLimitedToReadDoesNotRouteEvents() {
        SharingAgreement readOnly = prisonsToProbation("p2p").actions(Set.of(Action.READ)).build();

        Decision decision = engine(policy(readOnly)).decide(request(Principal.inbox("probation", null),
                Action.RECEIVE, resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(decision));
    }
}
