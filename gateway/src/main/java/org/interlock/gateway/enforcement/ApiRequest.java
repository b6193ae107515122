package org.interlock.gateway.enforcement;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Operation;
import org.interlock.contracts.catalogue.ParamType;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;

/**
 * A request to {@code /api/v1/{agency}/...} as the gateway understands it, read from the raw path
 * and query the caller sent, never from a decoded form: plain segments only (letters, digits, dash
 * and underscore; no percent-encoding, dot segment, empty segment, backslash, control character or
 * over-long segment), and query parameters decoded once, strictly. The service is then called on a
 * path built from the catalogue's template and a query built from the declared parameters alone.
 */
public record ApiRequest(Agency agency, List<String> segments, Map<String, String> query) {

    static final String PREFIX = "/api/v1/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,31}");
    private static final int MAX_SEGMENTS = 8;
    private static final int MAX_VALUE = 256;

    /** @throws ProblemException 400 for a path or query outside these rules, 404 for an unknown agency */
    public static ApiRequest parse(String rawPath, String rawQuery) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            throw malformed("The path must start with " + PREFIX);
        }
        String[] parts = rawPath.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 2 || parts.length > MAX_SEGMENTS) {
            throw malformed("The path must name an agency and a resource, in at most " + MAX_SEGMENTS + " segments");
        }
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches()) {
                throw malformed("Each path segment must be 1-128 letters, digits, '-' or '_' (no encoding, dot or empty segment)");
            }
        }
        List<String> segments = List.of(parts).subList(1, parts.length);
        return new ApiRequest(agency(parts[0]), segments, query(rawQuery));
    }

    /** The query checked against what the operation declares: nothing unknown, every required parameter, each of its type. */
    public Map<String, String> queryFor(Operation operation) {
        for (String name : query.keySet()) {
            if (!operation.query().containsKey(name)) {
                throw malformed("Unknown query parameter: " + name);
            }
        }
        operation.query().forEach((name, param) -> {
            String value = query.get(name);
            if (value == null && param.required()) {
                throw Validation.invalid(name, "is required");
            }
            if (value != null && !param.type().accepts(value)) {
                throw Validation.invalid(name, param.type() == ParamType.ME ? "must be me (the caller, never a name)"
                        : "must be a " + param.type().id());
            }
        });
        return query;
    }

    /** The query as the service receives it: each declared parameter percent-encoded, in a stable order. */
    public static String encode(Map<String, String> query) {
        StringBuilder encoded = new StringBuilder();
        query.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(entry.getKey()).append('=').append(percentEncode(entry.getValue()));
        });
        return encoded.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!NAME.matcher(name).matches() || equals < 0) {
                throw malformed("Each query parameter must be name=value");
            }
            String value = decode(pair.substring(equals + 1));
            if (query.put(name, value) != null) {
                throw malformed("The query parameter " + name + " is given twice");
            }
        }
        return query;
    }

    private static String decode(String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw malformed("A query value has a broken percent-encoding");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed("A query value has a broken percent-encoding");
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes[n++] = (byte) c;
            } else {
                throw malformed("A query value holds a character that must be encoded");
            }
        }
        String value = new String(bytes, 0, n, StandardCharsets.UTF_8);
        if (value.length() > MAX_VALUE || value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || ch == 0xfffd)) {
            throw malformed("A query value is too long or holds a control character");
        }
        return value;
    }

    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static Agency agency(String id) {
        for (Agency agency : Agency.values()) {
            if (agency.id().equals(id)) {
                return agency;
            }
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, detail);
    }
}
