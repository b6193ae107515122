package org.interlock.probation.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.plan.PlanScope;
import org.interlock.probation.supervision.CaseService;

/** Probation makes and revises the sentence plan of a person it supervises (a case open or recalled), and of nobody else. */
@ApplicationScoped
public class UnderSupervision implements PlanScope {

    @Override
    public Uni<Boolean> holds(String person) {
        return CaseService.openCaseOf(person).map(supervision -> supervision != null);
    }
}
