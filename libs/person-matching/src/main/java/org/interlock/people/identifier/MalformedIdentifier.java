package org.interlock.people.identifier;

/** An identifier that is not of its type's format, or whose check character is wrong. */
public class MalformedIdentifier extends IllegalArgumentException {

    private final String field;

    public MalformedIdentifier(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** What was wrong: the identifier type's id, or {@code type} for an unknown type. */
    public String field() {
        return field;
    }
}
