package org.interlock.contracts;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The agencies whose services are systems of record. */
public enum Agency {
    PRISONS, PROBATION, INTELLIGENCE, PARTNERS;

    /** Whether it is a statutory agency (prisons, probation, intelligence): every agency but the partners. */
    public boolean statutory() {
        return this != PARTNERS;
    }

    /** The statutory agencies, in declaration order. */
    public static List<Agency> statutoryAgencies() {
        return Arrays.stream(values()).filter(Agency::statutory).toList();
    }

    /** The agency of this id, if it is one. */
    public static Optional<Agency> ofId(String id) {
        for (Agency agency : values()) {
            if (agency.id().equals(id)) {
                return Optional.of(agency);
            }
        }
        return Optional.empty();
    }

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
