package org.interlock.people.matching;

/**
 * Where scores become decisions (ADR 0014; the people service reads them from its configuration).
 *
 * @param automatic at or above it (and with {@code namePart}), a link is made without asking anyone
 * @param namePart the weaker of given and family name must reach it for an automatic link
 * @param candidate at or above it, a link waits for an identity manager; below it, no link
 * @param nameWeight how much the names count against the date of birth
 */
public record MatchThresholds(double automatic, double namePart, double candidate, double nameWeight) {

    public static final MatchThresholds DEFAULT = new MatchThresholds(0.94, 0.88, 0.80, 0.6);

    public MatchThresholds {
        if (!(0 < candidate && candidate < automatic && automatic <= 1) || namePart <= 0 || namePart > 1
                || nameWeight <= 0 || nameWeight >= 1) {
            throw new IllegalArgumentException("thresholds need 0 < candidate < automatic <= 1, 0 < namePart <= 1"
                    + " and 0 < nameWeight < 1");
        }
    }

    public boolean isAutomatic(MatchScore score) {
        return !score.identifiersDisagree() && score.value() >= automatic && score.names().weakest() >= namePart
                && score.dateOfBirth() != DateAgreement.UNKNOWN;
    }

    public boolean isCandidate(MatchScore score) {
        return !score.identifiersDisagree() && score.value() >= candidate;
    }
}
