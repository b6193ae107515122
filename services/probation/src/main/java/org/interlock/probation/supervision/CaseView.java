package org.interlock.probation.supervision;

import java.time.LocalDate;
import java.util.UUID;

/** A supervision case as the API and its events show it. */
public record CaseView(UUID id, String person, String caseReference, SupervisionCase.Basis basis,
        SupervisionCase.Status status, LocalDate openedOn, Integer mappaCategory, Integer mappaLevel,
        LocalDate closedOn) {

    public static CaseView of(SupervisionCase c) {
        return new CaseView(c.id, c.person, c.caseReference, c.basis, c.status, c.openedOn, c.mappaCategory,
                c.mappaLevel, c.closedOn);
    }
}
