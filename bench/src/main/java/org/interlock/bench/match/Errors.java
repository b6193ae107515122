package org.interlock.bench.match;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** The mistakes agencies make recording a person: typos, variants, swapped orders, transposed digits. */
final class Errors {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPRSTUWY";

    private final Random random;

    Errors(Random random) {
        this.random = random;
    }

    /** One edit: a letter replaced, dropped, doubled or swapped with its neighbour. */
    String typo(String name) {
        if (name.length() < 3) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        StringBuilder s = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> s.setCharAt(at, LETTERS.charAt(random.nextInt(LETTERS.length())));
            case 1 -> s.deleteCharAt(at);
            case 2 -> s.insert(at, s.charAt(at));
            default -> {
                char c = s.charAt(at);
                s.setCharAt(at, s.charAt(at + 1 < s.length() ? at + 1 : at - 1));
                s.setCharAt(at + 1 < s.length() ? at + 1 : at - 1, c);
            }
        }
        return s.toString();
    }

    String variant(String given) {
        List<String> variants = Names.VARIANTS.get(given);
        return variants == null ? given : variants.get(random.nextInt(variants.size()));
    }

    LocalDate swapDayAndMonth(LocalDate date) {
        return date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()
                ? LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()) : date;
    }

    /** Two neighbouring digits of YYYYMMDD swapped, where the result is still a date. */
    LocalDate transposeDigits(LocalDate date) {
        String digits = String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        for (int attempt = 0; attempt < 8; attempt++) {
            int at = 2 + random.nextInt(5);
            char[] c = digits.toCharArray();
            char t = c[at];
            c[at] = c[at + 1];
            c[at + 1] = t;
            LocalDate changed = parse(new String(c));
            if (changed != null && !changed.equals(date)) {
                return changed;
            }
        }
        return date;
    }

    private static LocalDate parse(String digits) {
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
