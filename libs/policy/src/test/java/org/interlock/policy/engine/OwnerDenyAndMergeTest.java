package org.interlock.policy.engine;

import static org.interlock.contracts.Agency.INTELLIGENCE;
import static org.interlock.contracts.Agency.PRISONS;
import static org.interlock.contracts.Agency.PROBATION;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;
import static org.interlock.contracts.Classification.SECRET;
import static org.interlock.policy.PolicyFixtures.NOBODY_ALLOCATED;
import static org.interlock.policy.PolicyFixtures.NO_CONSENT;
import static org.interlock.policy.PolicyFixtures.ana;
import static org.interlock.policy.PolicyFixtures.breakGlass;
import static org.interlock.policy.PolicyFixtures.engine;
import static org.interlock.policy.PolicyFixtures.olivia;
import static org.interlock.policy.PolicyFixtures.peter;
import static org.interlock.policy.PolicyFixtures.policy;
import static org.interlock.policy.PolicyFixtures.prisonsToProbation;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.request;
import static org.interlock.policy.PolicyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.policy.Action;
import org.interlock.policy.Decision;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.TrailStep;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

class OwnerDenyAndMergeTest {

    private static DenyRule denyCustodyToProbation(Set<String> purposes) {
        return new DenyRule("no-custody", PRISONS, List.of(Recipient.parse("probation")),
                List.of(new CategoryPattern("custody.*")), purposes, Set.of(), "not for probation");
    }

    @Test
    void ownStaffReadTheirAgencysDataWithoutAgreementOrCaseload() {
        Decision decision = engine(policy(), NOBODY_ALLOCATED, NO_CONSENT)
                .decide(read(olivia(), resource(PRISONS, "custody.security", OFFICIAL_SENSITIVE), "case-management"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertEquals(new Permit(null, null, List.of(), ReleasedFields.WHOLE, OFFICIAL_SENSITIVE, false, "test-1",
                List.of(new TrailStep("owner", "prisons staff on their own agency's data, within clearance"))), permit);
    }

    @Test
    void ownStaffCannotReadTheirAgencysDataAboveTheirClearance() {
        Decision decision = engine(policy())
                .decide(read(olivia(), resource(PRISONS, "custody.security", SECRET), "case-management"));

        assertEquals(DenyReason.ABOVE_CLEARANCE, reasonOf(decision));
    }

    @Test
    void ownStaffWriteTheirAgencysData() {
        Decision decision = engine(policy())
                .decide(request(peter(), Action.WRITE, resource(PROBATION, "licence.conditions", OFFICIAL_SENSITIVE), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void nobodyWritesAnotherAgencysDataWhateverTheAgreements() {
        Decision decision = engine(policy(prisonsToProbation("p2p").build()))
                .decide(request(peter(), Action.WRITE, resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.WRITE_NOT_OWNER, reasonOf(decision));
    }

    @Test
    void membersOfTheOwningAgencyWithoutAStaffRoleCannotWrite() {
        Decision decision = engine(policy())
                .decide(request(ana(), Action.WRITE, resource(INTELLIGENCE, "intel.summary", OFFICIAL), "public-protection"));

        assertEquals(DenyReason.WRITE_NOT_OWNER, reasonOf(decision));
    }

    @Test
    void agreementsCannotGrantWrite() {
        assertThrows(IllegalArgumentException.class,
                () -> prisonsToProbation("p2p").actions(EnumSet.of(Action.WRITE)).build());
    }

    @Test
    void explicitDenyOverridesAMatchingAgreement() {
        Policy policy = policy(List.of(prisonsToProbation("p2p").build()), List.of(denyCustodyToProbation(Set.of())));

        Decision decision = engine(policy)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.EXPLICIT_DENY, reasonOf(decision));
        assertEquals(new TrailStep("deny:no-custody", "not for probation"), decision.trail().getLast());
    }

    @Test
    void explicitDenyWithoutRecipientsOverridesTheOwnersAccess() {
        DenyRule nobody = new DenyRule("frozen", PRISONS, List.of(), List.of(new CategoryPattern("*")),
                Set.of(), Set.of(), "records frozen");

        Decision decision = engine(policy(List.of(), List.of(nobody)))
                .decide(read(olivia(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.EXPLICIT_DENY, reasonOf(decision));
    }

    @Test
    void explicitDenyOverridesBreakGlass() {
        Policy policy = policy(List.of(prisonsToProbation("p2p").build()), List.of(denyCustodyToProbation(Set.of())));

        Decision decision = engine(policy, NOBODY_ALLOCATED, NO_CONSENT)
                .decide(breakGlass(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertEquals(DenyReason.EXPLICIT_DENY, reasonOf(decision));
    }

    @Test
    void denyRuleForOnePurposeLeavesOtherPurposesToTheAgreements() {
        Policy policy = policy(List.of(prisonsToProbation("p2p").purposes("case-management", "safeguarding").build()),
                List.of(denyCustodyToProbation(Set.of("safeguarding"))));

        Decision decision = engine(policy)
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management"));

        assertInstanceOf(Permit.class, decision);
    }

    @Test
    void severalPermittingAgreementsReleaseOnlyWhatAllOfThemRelease() {
        SharingAgreement b = prisonsToProbation("b-wide").redact(List.of("$.prisonNumber")).build();
        SharingAgreement a = prisonsToProbation("a-narrow").redact(List.of("$.establishment"))
                .fields(List.of("$.person", "$.releaseDate", "$.establishment")).releaseAs(OFFICIAL).build();

        Decision decision = engine(policy(b, a))
                .decide(read(peter(), resource(PRISONS, "custody.release", OFFICIAL_SENSITIVE), "case-management"));

        Permit permit = assertInstanceOf(Permit.class, decision);
        assertEquals("a-narrow", permit.agreementId());
        assertEquals(List.of("$.establishment", "$.prisonNumber"), permit.redactions());
        assertEquals(List.of("$.establishment", "$.person", "$.releaseDate"), permit.fields());
        assertEquals(OFFICIAL, permit.releasedAs());
        assertTrue(permit.trail().getLast().rule().equals("merge"), permit.trail().toString());
    }

    @Test
    void mergedPermitDoesNotDependOnTheOrderOfAgreementsInTheFile() {
        SharingAgreement a = prisonsToProbation("a").redact(List.of("$.x")).build();
        SharingAgreement b = prisonsToProbation("b").redact(List.of("$.y")).build();
        var request = read(peter(), resource(PRISONS, "custody.release", OFFICIAL), "case-management");

        assertEquals(engine(policy(a, b)).decide(request), engine(policy(b, a)).decide(request));
    }
}
