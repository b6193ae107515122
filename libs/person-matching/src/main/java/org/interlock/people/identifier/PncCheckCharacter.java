package org.interlock.people.identifier;

/**
 * The PNC id's check letter: the last two digits of the year followed by the serial zero-padded
 * to seven digits, read as one number, modulo 23, indexes {@code ZABCDEFGHJKLMNPQRTUVWXY} (the
 * alphabet without I, O and S, which read as digits). This is the rule the Ministry of Justice's
 * person record service validates PNC ids with; its published vectors are in the tests.
 */
public final class PncCheckCharacter {

    private static final String LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final long SERIAL_RANGE = 10_000_000L;

    private PncCheckCharacter() {
    }

    public static char of(int year, long serial) {
        if (year < 0 || serial < 0 || serial >= SERIAL_RANGE) {
            throw new IllegalArgumentException("year and serial out of range");
        }
        long number = (year % 100) * SERIAL_RANGE + serial;
        return LETTERS.charAt((int) (number % LETTERS.length()));
    }
}
