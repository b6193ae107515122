package org.interlock.audit.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON writer for everything the audit log hashes or signs. Its output is canonical, so that
 * anyone can re-derive the exact bytes from the values:
 * <ul>
 *   <li>UTF-8, no byte-order mark, no whitespace outside strings;</li>
 *   <li>object members sorted by name (code-point order; all our names are ASCII); members whose value is
 *       null are left out;</li>
 *   <li>strings escape only {@code "}, {@code \} and the control characters U+0000–U+001F, as
 *       {@code \b \t \n \f \r} or else <code>&#92;u00xx</code> with lowercase hex; every other character is
 *       written as itself; unpaired surrogates are refused;</li>
 *   <li>numbers are integers in plain decimal, within ±2^53;</li>
 *   <li>values are strings, integers, booleans, objects ({@link Map}) and arrays ({@link List}).</li>
 * </ul>
 * For these value types the output is exactly RFC 8785 (JSON Canonicalization Scheme), so a verifier in
 * another language can use any JCS implementation.
 */
public final class CanonicalJson {

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of a JSON object. */
    public static byte[] encode(Map<String, ?> object) {
        // Sized for a whole audit record, so that the builder is not regrown a few times per record.
        StringBuilder out = new StringBuilder(2048);
        writeValue(object, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(Object value, StringBuilder out) {
        switch (value) {
            case String s -> writeString(s, out);
            case Integer i -> out.append(i.intValue());
            case Long l -> writeLong(l, out);
            case Boolean b -> out.append(b.booleanValue());
            case Map<?, ?> map -> writeObject(map, out);
            case List<?> list -> writeArray(list, out);
            case null -> throw new IllegalArgumentException("null is not written in canonical JSON");
            default -> throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((name, value) -> {
            if (value != null) {
                sorted.put((String) name, value);
            }
        });
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(member.getKey(), out);
            out.append(':');
            writeValue(member.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(list.get(i), out);
        }
        out.append(']');
    }

    private static void writeLong(long value, StringBuilder out) {
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer beyond ±2^53 has no exact JSON number: " + value);
        }
        out.append(value);
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            // Nearly every name and value of a record: nothing to escape, so copied in one piece.
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate at index " + i + " has no UTF-8 form");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the string is written as itself: no quote, backslash, control character or surrogate. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
