package org.interlock.people.matching;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as the matcher compares it: upper case, accents and everything but letters, spaces and
 * hyphens removed ({@code "O'Brien"} and {@code "OBRIEN"} are the same family name).
 */
public record PersonName(String given, String family) {

    public PersonName {
        given = normalise(given);
        family = normalise(family);
    }

    public static PersonName of(String given, String family) {
        return new PersonName(given, family);
    }

    /** The same name with given and family name the other way round. */
    public PersonName swapped() {
        return new PersonName(family, given);
    }

    static String normalise(String part) {
        if (part == null) {
            return "";
        }
        String plain = Normalizer.normalize(part, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z -]", "").replaceAll("[ -]+", " ").strip();
    }

    @Override
    public String toString() {
        return given + " " + family;
    }
}
