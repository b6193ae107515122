package org.interlock.contracts.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path below a service's {@code /api/v1/}, as the catalogue declares it:
 * {@code custody-episodes/{id:uuid}/release-date}. Matching works on segments the caller sent
 * (already checked to be plain); expanding builds the service's path from the matched values only.
 */
public final class PathTemplate {

    private static final Pattern LITERAL = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*):([a-z]+)}");

    /** A literal segment (param null) or a parameter of a type. */
    private record Segment(String literal, String param, ParamType type) {
    }

    private final String text;
    private final List<Segment> segments;

    private PathTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException naming the bad segment */
    public static PathTemplate parse(String text) {
        List<Segment> segments = new ArrayList<>();
        for (String segment : text.split("/", -1)) {
            Matcher param = PARAM.matcher(segment);
            if (param.matches()) {
                segments.add(new Segment(null, param.group(1), ParamType.fromId(param.group(2))));
            } else if (LITERAL.matcher(segment).matches()) {
                segments.add(new Segment(segment, null, null));
            } else {
                throw new IllegalArgumentException("bad path segment '" + segment + "' in " + text
                        + " (lower-case words, or {name:type})");
            }
        }
        if (segments.getFirst().literal() == null) {
            throw new IllegalArgumentException("a path starts with a collection name: " + text);
        }
        return new PathTemplate(text, segments);
    }

    /** The parameter values when {@code path} (plain segments, no leading slash) has this shape. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            String given = path.get(i);
            if (segment.literal() != null ? !segment.literal().equals(given) : !segment.type().accepts(given)) {
                return Optional.empty();
            }
            if (segment.param() != null) {
                values.put(segment.param(), given);
            }
        }
        return Optional.of(values);
    }

    /** The path with these values, each checked against its type again: never a value that was not matched. */
    public String expand(Map<String, String> values) {
        StringBuilder path = new StringBuilder();
        for (Segment segment : segments) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            if (segment.literal() != null) {
                path.append(segment.literal());
            } else {
                String value = values.get(segment.param());
                if (!segment.type().accepts(value)) {
                    throw new IllegalArgumentException("no valid value for {" + segment.param() + "}");
                }
                path.append(value);
            }
        }
        return path.toString();
    }

    /** The parameter names in order. */
    public List<String> params() {
        return segments.stream().filter(s -> s.param() != null).map(Segment::param).toList();
    }

    public ParamType typeOf(String param) {
        return segments.stream().filter(s -> param.equals(s.param())).map(Segment::type).findFirst().orElse(null);
    }

    /** The same shape ignoring parameter names: {@code custody-episodes/{uuid}}. */
    public String shape() {
        return String.join("/", segments.stream()
                .map(s -> s.literal() != null ? s.literal() : "{" + s.type().id() + "}").toList());
    }

    /** As OpenAPI writes it: {@code custody-episodes/{id}}. */
    public String openApiPath() {
        return String.join("/", segments.stream()
                .map(s -> s.literal() != null ? s.literal() : "{" + s.param() + "}").toList());
    }

    @Override
    public String toString() {
        return text;
    }
}
