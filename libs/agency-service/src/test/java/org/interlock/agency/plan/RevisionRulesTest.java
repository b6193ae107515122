package org.interlock.agency.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.interlock.agency.plan.PlanRequests.InterventionRequest;
import org.interlock.agency.plan.PlanRequests.ObjectiveRequest;
import org.interlock.agency.plan.PlanRequests.ResponsibleRequest;
import org.interlock.contracts.Agency;
import org.interlock.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The rules of a revision that need nothing but the request and the version it revises. */
class RevisionRulesTest {

    private static final String PERSON = "urn:interlock:person:7f1c1a52-3d2e-4b8e-9a51-2b7a4c2d9e10";
    private static final LocalDate TARGET = LocalDate.parse("2027-03-01");
    private static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aRevisionWithoutAReasonIsRefusedNamingTheReason() {
        assertEquals("reason", refusedField(new PlanRequests.Revise(PERSON, " ", List.of(byPrisons(null)))));
    }

    @Test
    void aRevisionWithoutObjectivesIsRefusedNamingTheObjectives() {
        assertEquals("objectives", refusedField(new PlanRequests.Revise(PERSON, "why", List.of())));
    }

    @Test
    void aResponsibilityNamesExactlyOneOfAgencyOrOrganisation() {
        for (ResponsibleRequest both : List.of(new ResponsibleRequest("prisons", "horizon-mentoring", null),
                new ResponsibleRequest(null, null, "olivia.prison"))) {
            assertEquals("objectives[0].responsible", refusedField(revise(objective(null, both))));
        }
    }

    @Test
    void theOnlyAgenciesResponsibleAreTheStatutoryOnes() {
        assertEquals("objectives[0].responsible.agency",
                refusedField(revise(objective(null, new ResponsibleRequest("partners", null, null)))));
    }

    @Test
    void staffOfAnotherAgencyAreNotNamedHere() {
        assertEquals("objectives[0].responsible.staff",
                refusedField(revise(objective(null, new ResponsibleRequest("probation", null, "peter.probation")))));
    }

    @Test
    void aKeptObjectiveMustBeOneOfTheVersionRevised() {
        assertEquals("objectives[0].id", refusedField(revise(byPrisons(UUID.randomUUID()))));
    }

    @Test
    void anObjectiveIsKeptOnlyOnce() {
        Objective earlier = new Objective(UUID.randomUUID(), "d", TARGET, new Objective.Responsible("prisons", null, null),
                List.of());
        ProblemException refused = assertThrows(ProblemException.class, () -> RevisionRules.check(
                revise(byPrisons(earlier.id()), byPrisons(earlier.id())), List.of(earlier), Agency.PRISONS, () -> NEW));
        assertEquals("objectives[1].id", refused.problem().errors().getFirst().field());
    }

    @Test
    void newObjectivesGetNewIdsAndKeptOnesKeepTheirs() {
        Objective earlier = new Objective(UUID.randomUUID(), "d", TARGET, new Objective.Responsible("prisons", null, null),
                List.of());
        RevisionRules.Checked checked = RevisionRules.check(revise(byPrisons(earlier.id()), byPrisons(null)),
                List.of(earlier), Agency.PRISONS, () -> NEW);
        assertEquals(List.of(earlier.id(), NEW), checked.objectives().stream().map(Objective::id).toList());
        assertEquals(List.of(new Objective.InterventionChoice("identity-programme", null)),
                checked.objectives().getFirst().interventions());
    }

    @Test
    void ownStaffAndOrganisationsAreLookedUpWhenNewlyNamed() {
        RevisionRules.Checked checked = RevisionRules.check(revise(
                        objective(null, new ResponsibleRequest("prisons", null, "olivia.prison")),
                        objective(null, new ResponsibleRequest(null, "horizon-mentoring", "mia.mentor")),
                        objective(null, new ResponsibleRequest("probation", null, null))),
                List.of(), Agency.PRISONS, () -> NEW);
        assertEquals(List.of(new RevisionRules.AllocatedStaff("objectives[0].responsible.staff", "olivia.prison"),
                new RevisionRules.ReferredOrganisation("objectives[1].responsible.organisation", "horizon-mentoring",
                        "mia.mentor")), checked.lookups());
    }

    @Test
    void aResponsibilityKeptUnchangedIsNotLookedUpAgainButAChangedOneIs() {
        UUID kept = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        List<Objective> before = List.of(
                new Objective(kept, "d", TARGET, new Objective.Responsible(null, "horizon-mentoring", null), List.of()),
                new Objective(moved, "d", TARGET, new Objective.Responsible(null, "horizon-mentoring", null), List.of()));
        RevisionRules.Checked checked = RevisionRules.check(revise(
                        objective(kept, new ResponsibleRequest(null, "horizon-mentoring", null)),
                        objective(moved, new ResponsibleRequest(null, "faith-bridge", null))),
                before, Agency.PROBATION, () -> NEW);
        assertEquals(List.of(new RevisionRules.ReferredOrganisation("objectives[1].responsible.organisation",
                "faith-bridge", null)), checked.lookups());
    }

    @Test
    void theOrganisationsResponsibleAreThoseNamedByAnObjective() {
        List<Objective> objectives = List.of(
                new Objective(NEW, "d", TARGET, new Objective.Responsible(null, "horizon-mentoring", null), List.of()),
                new Objective(NEW, "d", TARGET, new Objective.Responsible("prisons", null, null), List.of()));
        assertEquals(List.of("horizon-mentoring"), new ArrayList<>(RevisionRules.organisations(objectives)));
    }

    private static String refusedField(PlanRequests.Revise request) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> RevisionRules.check(request, List.of(), Agency.PRISONS, () -> NEW));
        assertEquals(422, refused.problem().status());
        return refused.problem().errors().getFirst().field();
    }

    private static PlanRequests.Revise revise(ObjectiveRequest... objectives) {
        return new PlanRequests.Revise(PERSON, "Reviewed after the assessment.", List.of(objectives));
    }

    private static ObjectiveRequest byPrisons(UUID id) {
        return objective(id, new ResponsibleRequest("prisons", null, null));
    }

    private static ObjectiveRequest objective(UUID id, ResponsibleRequest responsible) {
        return new ObjectiveRequest(id, "Complete the identity programme", TARGET, responsible,
                List.of(new InterventionRequest("identity-programme", null)));
    }
}
