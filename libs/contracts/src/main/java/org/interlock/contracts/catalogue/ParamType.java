package org.interlock.contracts.catalogue;

import java.util.regex.Pattern;

import org.interlock.contracts.PersonReference;

/**
 * What a path or query parameter may hold. The gateway forwards a parameter only once it matches
 * its type, so nothing the caller writes can change which service path is called.
 */
public enum ParamType {
    UUID("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    /** Lower-case ids such as an organisation's: {@code horizon-mentoring}. */
    SLUG("[a-z0-9][a-z0-9-]{0,62}"),
    PERSON(PersonReference.REGEX),
    USERNAME("[a-z0-9][a-z0-9._-]{0,63}"),
    BOOLEAN("true|false"),
    /**
     * The caller, and only the caller: the literal {@code me}, never a name. The gateway vouches to
     * the service for who that is (its signed {@code X-Interlock-Actor}, as on a change), so a
     * listing of what is assigned to the caller can name nobody else.
     */
    ME("me");

    private final Pattern pattern;

    ParamType(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    public boolean accepts(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /** As written in catalogue files: lower case. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ParamType fromId(String id) {
        for (ParamType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown parameter type '" + id + "' (one of: uuid, slug, person, username, boolean, me)");
    }
}
