package org.interlock.contracts;

import java.net.URI;

/** The agencies whose services are systems of record. */
public enum Agency {
    PRISONS, PROBATION, INTELLIGENCE, PARTNERS;

    public String id() {
        return name().toLowerCase();
    }

    /** The CloudEvents {@code source} of this agency's events. */
    public URI source() {
        return URI.create("/agencies/" + id());
    }

    public static Agency fromId(String id) {
        return valueOf(id.toUpperCase());
    }
}
