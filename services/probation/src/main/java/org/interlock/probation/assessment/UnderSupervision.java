package org.interlock.probation.assessment;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.assessment.AssessedPersons;
import org.interlock.probation.supervision.CaseService;

/** Probation assesses the persons it supervises: those with a case open or recalled. */
@ApplicationScoped
public class UnderSupervision implements AssessedPersons {

    @Override
    public Uni<Boolean> holds(String person) {
        return CaseService.openCaseOf(person).map(Objects::nonNull);
    }
}
