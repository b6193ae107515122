package org.interlock.people.matching;

import org.interlock.people.identifier.Identifier;

/** Scores two identity records: names and aliases against each other, and the dates of birth. */
public final class RecordScorer {

    private final MatchThresholds thresholds;

    public RecordScorer(MatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public MatchScore score(IdentityRecord a, IdentityRecord b) {
        if (!a.isNamed() || !b.isNamed()) {
            return MatchScore.NONE;
        }
        NameAgreement names = NameAgreement.of(a.allNames(), b.allNames());
        DateAgreement date = DateAgreement.of(a.dateOfBirth(), b.dateOfBirth());
        double value = thresholds.nameWeight() * names.score() + (1 - thresholds.nameWeight()) * date.weight();
        return new MatchScore(value, names, date, identifiersDisagree(a, b));
    }

    /** Two values of a type a person has only one of (the PNC id) are two people. */
    static boolean identifiersDisagree(IdentityRecord a, IdentityRecord b) {
        for (Identifier x : a.identifiers()) {
            for (Identifier y : b.identifiers()) {
                if (x.type() == y.type() && x.type().onePerPerson() && !x.value().equals(y.value())) {
                    return true;
                }
            }
        }
        return false;
    }
}
