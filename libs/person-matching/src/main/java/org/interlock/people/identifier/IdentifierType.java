package org.interlock.people.identifier;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agencies' own identifiers for a person, each with its format and, where one exists, its check
 * character. All three are strong: one value names one person, so two records that share one are one
 * person (ADR 0014).
 */
public enum IdentifierType {

    /** The prison service's number: a letter, four digits, two letters ({@code A1234BC}). No check character. */
    PRISON_NUMBER("prison-number", "prisons", "a letter, 4 digits and 2 letters, e.g. A1234BC", false) {
        private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{4}[A-Z]{2}");

        @Override
        String canonical(String value) {
            return FORMAT.matcher(value).matches() ? value : null;
        }
    },

    /** The probation case reference number: a letter and six digits ({@code X123456}). No check character. */
    CRN("crn", "probation", "a letter and 6 digits, e.g. X123456", false) {
        private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{6}");

        @Override
        String canonical(String value) {
            return FORMAT.matcher(value).matches() ? value : null;
        }
    },

    /**
     * The Police National Computer id: year, a serial of up to seven digits and the PNC check letter
     * ({@code 2012/0123456X}); canonical with the serial zero-padded to seven digits.
     */
    PNC("pnc", "intelligence", "YYYY/NNNNNNNC: a 4-digit year, a serial of up to 7 digits and its check letter, e.g. 2008/0056560Z",
            true) {
        private static final Pattern FORMAT = Pattern.compile("([0-9]{4})/([0-9]{1,7})([A-Z])");

        @Override
        String canonical(String value) {
            Matcher m = FORMAT.matcher(value);
            if (!m.matches()) {
                return null;
            }
            int year = Integer.parseInt(m.group(1));
            long serial = Long.parseLong(m.group(2));
            if (PncCheckCharacter.of(year, serial) != m.group(3).charAt(0)) {
                throw new MalformedIdentifier(id(), "the check letter of " + value + " is wrong");
            }
            return String.format("%04d/%07d%s", year, serial, m.group(3));
        }
    };

    private final String id;
    private final String issuer;
    private final String format;
    private final boolean onePerPerson;

    IdentifierType(String id, String issuer, String format, boolean onePerPerson) {
        this.id = id;
        this.issuer = issuer;
        this.format = format;
        this.onePerPerson = onePerPerson;
    }

    /**
     * Whether a person never has two values of this type. True of the PNC id only: a second prison
     * number or CRN for one person is exactly the duplicate the index exists to find.
     */
    public boolean onePerPerson() {
        return onePerPerson;
    }

    /**
     * The agency that issues identifiers of this type, or, for the PNC id, holds them for the police:
     * the one agency told when an assertion contradicts a record of one (ADR 0014).
     */
    public String issuer() {
        return issuer;
    }

    /** The type's name in {@code type:value} strings and in events. */
    public String id() {
        return id;
    }

    /** The canonical form of a value of this type; upper-cased, trimmed. */
    public String normalise(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedIdentifier(id, "a " + id + " must not be empty");
        }
        String canonical = canonical(value.strip().toUpperCase(java.util.Locale.ROOT));
        if (canonical == null) {
            throw new MalformedIdentifier(id, "a " + id + " is " + format);
        }
        return canonical;
    }

    /** Null when the value is not of this type's format; throws when its check character is wrong. */
    abstract String canonical(String upperCased);

    public static IdentifierType fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst()
                .orElseThrow(() -> new MalformedIdentifier("type", "unknown identifier type '" + id
                        + "' (one of: prison-number, crn, pnc)"));
    }
}
