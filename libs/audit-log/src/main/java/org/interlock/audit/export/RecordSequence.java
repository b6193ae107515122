package org.interlock.audit.export;

import java.nio.charset.StandardCharsets;

/**
 * Reads the top-level {@code sequence} of a canonical record straight from its bytes, without parsing
 * the record: the verifier needs only this number to tell a missing, reordered or inserted record (the
 * bytes themselves are checked by hashing).
 *
 * <p>It looks for the last {@code ,"sequence":} from the end. Those bytes cannot lie inside a JSON
 * string (a quote inside a string is escaped, so it never follows a comma directly), and in a canonical
 * record every nested object sorts before {@code sequence} and only {@code time}, {@code traceId} and
 * {@code version} follow it, so the search covers about a hundred bytes.
 */
final class RecordSequence {

    private static final byte[] KEY = ",\"sequence\":".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DIGITS = 16;

    private RecordSequence() {
    }

    /** The sequence in {@code bytes[from, to)}, or -1 when there is no well-formed one. */
    static long read(byte[] bytes, int from, int to) {
        for (int at = to - KEY.length; at > from; at--) {
            if (bytes[at] == ',' && bytes[at + 1] == '"' && matches(bytes, at)) {
                return digits(bytes, at + KEY.length, to);
            }
        }
        return -1;
    }

    private static boolean matches(byte[] bytes, int at) {
        for (int k = 2; k < KEY.length; k++) {
            if (bytes[at + k] != KEY[k]) {
                return false;
            }
        }
        return true;
    }

    private static long digits(byte[] bytes, int i, int to) {
        long value = 0;
        int count = 0;
        for (; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++, count++) {
            value = value * 10 + (bytes[i] - '0');
        }
        boolean ends = i < to && (bytes[i] == ',' || bytes[i] == '}');
        boolean leadingZero = count > 1 && bytes[i - count] == '0';
        return count == 0 || count > MAX_DIGITS || !ends || leadingZero ? -1 : value;
    }
}
