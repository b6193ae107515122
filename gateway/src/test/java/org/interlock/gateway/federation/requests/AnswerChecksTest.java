package org.interlock.gateway.federation.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.catalogue.Category;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** An answer's edge checks: its outcome agrees with its parts, codes are the ADR's, conditions are sound. */
class AnswerChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Category SUMMARY = new Category("intel.summary", Classification.OFFICIAL_SENSITIVE,
            List.of("id", "person", "sanitisedSummary"), "person", null, Category.Handling.fixed("P"));
    private static final AnswerForm.Part PART = new AnswerForm.Part("intelligence", "intel.summary",
            JsonNodeFactory.instance.objectNode().put("sanitisedSummary", "travelled"));
    private static final AnswerForm.Refusal SECURITY = new AnswerForm.Refusal("intel.threat", "national-security");

    private static final Category REPORT = new Category("intel.report", Classification.SECRET,
            List.of("id", "person", "handlingCode", "content"), "person", null, Category.Handling.fromField("handlingCode"));

    private static AnswerChecks.Checked check(AnswerForm form) {
        return AnswerChecks.check(form, (agency, name) -> agency != Agency.INTELLIGENCE ? null
                : SUMMARY.name().equals(name) ? SUMMARY : REPORT.name().equals(name) ? REPORT : null,
                Set.of("intel.summary", "intel.threat", "intel.report"), NOW);
    }

    private static String failedField(AnswerForm form) {
        ProblemException e = assertThrows(ProblemException.class, () -> check(form));
        return e.problem().errors().getFirst().field();
    }

    @Test
    void anOutcomeMustAgreeWithItsParts() {
        assertEquals("outcome", failedField(new AnswerForm("answered", List.of(PART), List.of(SECURITY), null)));
        assertEquals("outcome", failedField(new AnswerForm("partly-answered", List.of(PART), List.of(), null)));
        assertEquals("outcome", failedField(new AnswerForm("refused", List.of(PART), List.of(SECURITY), null)));
        assertEquals("outcome", failedField(new AnswerForm("refused", List.of(), List.of(), null)));
        assertEquals("outcome", failedField(new AnswerForm("overdue", List.of(), List.of(SECURITY), null)));
    }

    @Test
    void aPartOfACategoryTheAgencyDoesNotDeclareIsRefused() {
        AnswerForm.Part prisons = new AnswerForm.Part("prisons", "intel.summary", PART.content());
        AnswerForm.Part nowhere = new AnswerForm.Part("embassy", "intel.summary", PART.content());

        assertEquals("released", failedField(new AnswerForm("answered", List.of(prisons), List.of(), null)));
        assertEquals("released", failedField(new AnswerForm("answered", List.of(nowhere), List.of(), null)));
    }

    @Test
    void unsaidConditionsAreTheStrictestAndAnExpiryMustBeAhead() {
        assertEquals(HandlingConditions.NO_DISSEMINATION,
                check(new AnswerForm("answered", List.of(PART), List.of(), null)).conditions());
        assertEquals(new HandlingConditions(Set.of("probation"), true, Optional.empty()),
                check(new AnswerForm("answered", List.of(PART), List.of(),
                        new AnswerForm.Conditions(List.of("probation"), null, null))).conditions());
        assertEquals("conditions.expiresAt", failedField(new AnswerForm("answered", List.of(PART), List.of(),
                new AnswerForm.Conditions(List.of(), false, "2026-12-01T00:00:00Z"))));
        assertEquals("conditions.disseminateTo", failedField(new AnswerForm("answered", List.of(PART), List.of(),
                new AnswerForm.Conditions(List.of("Probation Service"), false, null))));
    }

    @Test
    void aPartOfACategoryWhoseHandlingIsAFieldMustStateIt() {
        AnswerForm.Part unstated = new AnswerForm.Part("intelligence", "intel.report",
                JsonNodeFactory.instance.objectNode().put("content", "x"));
        AnswerForm.Part stated = new AnswerForm.Part("intelligence", "intel.report",
                JsonNodeFactory.instance.objectNode().put("content", "x").put("handlingCode", "C"));

        assertEquals("released", failedField(new AnswerForm("answered", List.of(unstated), List.of(), null)));
        assertEquals(1, check(new AnswerForm("answered", List.of(stated), List.of(), null)).released().size());
    }
}
