package org.interlock.probation.supervision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of each supervision category, as its events carry them: the case itself, its MAPPA
 * level, a breach and a recall are distinct categories, shared under distinct agreements, so each
 * event carries its own category's facts and no others (the catalogue's {@code supervision.*} fields).
 */
public final class CaseFacts {

    private CaseFacts() {
    }

    /** {@code supervision.case}: opened, closed. */
    public record Case(UUID id, String person, String caseReference, SupervisionCase.Basis basis,
            SupervisionCase.Status status, LocalDate openedOn, LocalDate closedOn) {

        static Case of(SupervisionCase c) {
            return new Case(c.id, c.person, c.caseReference, c.basis, c.status, c.openedOn, c.closedOn);
        }
    }

    /** {@code supervision.mappa}. */
    public record Mappa(UUID id, String person, Integer mappaCategory, Integer mappaLevel) {

        static Mappa of(SupervisionCase c) {
            return new Mappa(c.id, c.person, c.mappaCategory, c.mappaLevel);
        }
    }

    /** {@code supervision.breach}. */
    public record Breach(UUID id, String person, LocalDate reportedOn, String description) {
    }

    /** {@code supervision.recall}. */
    public record Recall(UUID id, String person, SupervisionCase.Status status, LocalDate recalledOn, String reason) {
    }
}
