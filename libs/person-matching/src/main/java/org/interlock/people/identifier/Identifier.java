package org.interlock.people.identifier;

import java.util.Objects;

/**
 * One agency identifier of a person, canonical: {@code prison-number:A1234BC}, {@code crn:X123456},
 * {@code pnc:2008/0056560Z}.
 */
public record Identifier(IdentifierType type, String value) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        value = type.normalise(value);
    }

    /** Parses {@code type:value}; throws {@link MalformedIdentifier} naming what is wrong. */
    public static Identifier parse(String text) {
        if (text == null || text.indexOf(':') < 1) {
            throw new MalformedIdentifier("identifier", "an identifier is type:value, e.g. prison-number:A1234BC");
        }
        int colon = text.indexOf(':');
        return new Identifier(IdentifierType.fromId(text.substring(0, colon).strip()), text.substring(colon + 1));
    }

    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, value);
    }

    @Override
    public String toString() {
        return type.id() + ":" + value;
    }
}
