package org.interlock.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudEvents type of Interlock: {@code org.interlock.<agency>.<entity>.<verb>.v<N>}, with the
 * sharing category and the classification its events carry unless the record says more.
 */
public record EventType(Agency agency, String entity, String verb, int version, String category,
        Classification classification) {

    private static final Pattern NAME = Pattern.compile(
            "org\\.interlock\\.([a-z]+)\\.([a-z][a-z-]*)\\.([a-z][a-z-]*)\\.v([1-9][0-9]*)");

    public EventType {
        if (!entity.matches("[a-z][a-z-]*") || !verb.matches("[a-z][a-z-]*") || version < 1) {
            throw new IllegalArgumentException("Not an event type: " + entity + "." + verb + ".v" + version);
        }
    }

    public static EventType v1(Agency agency, String entity, String verb, String category,
            Classification classification) {
        return new EventType(agency, entity, verb, 1, category, classification);
    }

    public String name() {
        return "org.interlock." + agency.id() + "." + entity + "." + verb + ".v" + version;
    }

    /** Where its payload's JSON Schema lives on the classpath and is served over HTTP. */
    public String schemaResource() {
        return "META-INF/interlock/schemas/" + name() + ".json";
    }

    /** The agency a type name belongs to, or null if the name is not an Interlock type. */
    public static Agency agencyOf(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return null;
        }
        try {
            return Agency.fromId(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean isWellFormed(String name) {
        return agencyOf(name) != null;
    }
}
