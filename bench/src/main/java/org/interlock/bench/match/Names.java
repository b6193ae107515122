package org.interlock.bench.match;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Names for the synthetic population, drawn with a Zipf-like skew (a few very common names, a long
 * tail), so that different people share names as often as they do in life. The long tail of family
 * names is built from syllables; the head is real.
 */
final class Names {

    static final List<String> GIVEN = List.of("JOHN", "DAVID", "MICHAEL", "JAMES", "PAUL", "MARK", "ANDREW", "PETER",
            "RICHARD", "STEPHEN", "ROBERT", "CHRISTOPHER", "DANIEL", "THOMAS", "MATTHEW", "ANTHONY", "WILLIAM", "JASON",
            "LEE", "GARY", "MOHAMMED", "MUHAMMAD", "AHMED", "ALI", "HASSAN", "OMAR", "YUSUF", "IBRAHIM", "ABDUL",
            "BILAL", "KHALID", "TARIQ", "IMRAN", "ADAM", "RYAN", "JAMIE", "LIAM", "CONNOR", "KIERAN", "SEAN",
            "SARAH", "EMMA", "LAURA", "CLAIRE", "RACHEL", "JOANNE", "NICOLA", "LISA", "KAREN", "AMY", "AISHA",
            "FATIMA", "MARIAM", "ZAINAB", "HANNAH", "JESSICA", "CHLOE", "SOPHIE", "DEAN", "CRAIG", "SCOTT", "SHAUN",
            "CARL", "DARREN", "WAYNE", "KEVIN", "BRIAN", "GRAHAM", "NEIL", "IAN", "MARTIN", "SIMON", "PATRICK",
            "JOSEPH", "SAMUEL", "BENJAMIN", "JORDAN", "NATHAN", "AARON", "JACK", "HARRY", "GEORGE", "CHARLIE",
            "OLIVER", "JACOB", "TYLER", "KYLE", "LEWIS", "CALLUM", "REECE", "ELLIOT", "MAREK", "PIOTR", "TOMASZ",
            "ANDREI", "ION", "KWAME", "KOFI", "EMEKA", "CHUKWU", "TUNDE", "SAMIR", "NABIL", "KARIM", "RASHID");

    static final List<String> FAMILY_HEAD = List.of("SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS",
            "WILSON", "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON", "WRIGHT", "WALKER", "WHITE", "EDWARDS",
            "HUGHES", "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE", "PATEL", "KHAN", "JACKSON", "WOOD", "TURNER",
            "MARTIN", "COOPER", "HILL", "WARD", "MORRIS", "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON",
            "MORGAN", "ALLEN", "JAMES", "SCOTT", "PHILLIPS", "WATSON", "DAVIS", "PARKER", "PRICE", "BENNETT", "YOUNG",
            "GRIFFITHS", "MITCHELL", "KELLY", "COOK", "CARTER", "RICHARDSON", "BAILEY", "COLLINS", "BELL", "SHAW",
            "MURPHY", "MILLER", "COX", "RICHARDS", "KHALID", "AHMED", "HUSSAIN", "ALI", "BEGUM", "RAHMAN", "ISLAM",
            "SINGH", "KAUR", "SHAH", "MAHMOOD", "IQBAL", "HASSAN", "OKAFOR", "ADEYEMI", "MENSAH", "OWUSU", "NOWAK",
            "KOWALSKI", "POPESCU", "OBRIEN", "MCDONALD", "MACLEOD", "CAMPBELL", "STEWART", "ANDERSON", "REID");

    private static final List<String> ONSETS = List.of("B", "BR", "C", "CH", "D", "DR", "F", "G", "GR", "H", "J", "K",
            "L", "M", "N", "P", "R", "S", "ST", "T", "TH", "V", "W");
    private static final List<String> NUCLEI = List.of("A", "E", "I", "O", "U", "AI", "EA", "OU", "EE");
    private static final List<String> CODAS = List.of("", "N", "R", "S", "L", "M", "T", "CK", "NG", "RD", "LL", "TON",
            "WOOD", "FIELD", "BY", "HAM", "SON", "LEY", "WELL", "FORD");

    /** Spelling variants and short forms of given names, as agencies record them. */
    static final Map<String, List<String>> VARIANTS = Map.ofEntries(
            Map.entry("MOHAMMED", List.of("MOHAMMAD", "MUHAMMED", "MOHAMED")),
            Map.entry("MUHAMMAD", List.of("MUHAMMED", "MOHAMMAD")), Map.entry("STEPHEN", List.of("STEVEN")),
            Map.entry("AHMED", List.of("AHMAD")), Map.entry("YUSUF", List.of("YOUSEF", "YUSSUF")),
            Map.entry("JOHN", List.of("JON")), Map.entry("MATTHEW", List.of("MATHEW")), Map.entry("SEAN", List.of("SHAUN")),
            Map.entry("AISHA", List.of("AYESHA")), Map.entry("CHRISTOPHER", List.of("CHRISTOPHE")),
            Map.entry("IBRAHIM", List.of("EBRAHIM")), Map.entry("CALLUM", List.of("CALUM")),
            Map.entry("REECE", List.of("REESE")), Map.entry("PIOTR", List.of("PETER")), Map.entry("ZAINAB", List.of("ZAYNAB")));

    private final Random random;
    private final List<String> family;

    Names(Random random, int familyTail) {
        this.random = random;
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(FAMILY_HEAD);
        while (all.size() < FAMILY_HEAD.size() + familyTail) {
            all.add(pick(ONSETS) + pick(NUCLEI) + pick(CODAS) + (random.nextBoolean() ? pick(NUCLEI) + pick(CODAS) : ""));
        }
        this.family = List.copyOf(all);
    }

    String given() {
        return GIVEN.get(zipf(GIVEN.size(), 0.9));
    }

    String family() {
        return family.get(zipf(family.size(), 0.75));
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** An index in [0, n) with probability falling as 1 / (rank + 1)^s, by inverting the continuous law. */
    private int zipf(int n, double s) {
        double u = random.nextDouble();
        double top = Math.pow(n + 1, 1 - s) - 1;
        int rank = (int) Math.floor(Math.pow(1 + u * top, 1 / (1 - s))) - 1;
        return Math.min(Math.max(rank, 0), n - 1);
    }
}
