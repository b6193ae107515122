package org.interlock.people.matching;

import java.util.List;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two records' names are: Jaro-Winkler on the given and on the family name, over every
 * pair of names and aliases, also with one name's order swapped (a family name recorded as the
 * given name). {@code weakest} is the lower of the two parts of the best pair: a match on the family
 * name alone does not make twins one person.
 */
public record NameAgreement(double score, double weakest) {

    public static final NameAgreement NONE = new NameAgreement(0, 0);
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** A swapped order is a little less convincing than the same order. */
    private static final double SWAP_PENALTY = 0.98;
    private static final double FAMILY_WEIGHT = 0.55;

    public static NameAgreement of(List<PersonName> a, List<PersonName> b) {
        NameAgreement best = NONE;
        for (PersonName x : a) {
            for (PersonName y : b) {
                best = better(best, pair(x, y, 1.0));
                best = better(best, pair(x, y.swapped(), SWAP_PENALTY));
            }
        }
        return best;
    }

    private static NameAgreement pair(PersonName x, PersonName y, double factor) {
        double given = similarity(x.given(), y.given());
        double family = similarity(x.family(), y.family());
        double score = (FAMILY_WEIGHT * family + (1 - FAMILY_WEIGHT) * given) * factor;
        return new NameAgreement(score, Math.min(given, family) * factor);
    }

    private static double similarity(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        return x.equals(y) ? 1.0 : JARO_WINKLER.apply(x, y);
    }

    private static NameAgreement better(NameAgreement a, NameAgreement b) {
        return b.score > a.score ? b : a;
    }
}
