package org.interlock.people.matching;

/**
 * How likely two identity records are one person, with what it rests on.
 *
 * @param value names and date of birth weighed together, 0 to 1
 * @param identifiersDisagree the records hold different values of one identifier type: never one person
 */
public record MatchScore(double value, NameAgreement names, DateAgreement dateOfBirth, boolean identifiersDisagree) {

    public static final MatchScore NONE = new MatchScore(0, NameAgreement.NONE, DateAgreement.DIFFERENT, false);
}
