package org.interlock.people.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.interlock.people.identifier.Identifier;

/**
 * One identity as one agency asserts it: the person reference it knows the person by, its
 * identifiers, the name and aliases, the date of birth. Names and date may be unknown (an event that
 * carries only a prison number), never the person reference.
 *
 * @param recordId the index's id of this assertion
 * @param person the agency's person reference ({@code urn:interlock:person:<uuid>})
 * @param name null when the assertion names nobody
 * @param dateOfBirth null when unknown
 */
public record IdentityRecord(String recordId, String person, String sourceAgency, List<Identifier> identifiers,
        PersonName name, List<PersonName> aliases, LocalDate dateOfBirth) {

    public IdentityRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(person, "person");
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The name first, then the aliases: every name the record knows the person by. */
    public List<PersonName> allNames() {
        List<PersonName> all = new ArrayList<>();
        if (name != null) {
            all.add(name);
        }
        all.addAll(aliases);
        return all;
    }

    public boolean isNamed() {
        return name != null || !aliases.isEmpty();
    }
}
