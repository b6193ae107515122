package org.interlock.people.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.interlock.people.identifier.Identifier;

/** Identity records for the tests, each under a person reference of its own. */
final class Records {

    private Records() {
    }

    static IdentityRecord named(String given, String family, String dateOfBirth, String... identifiers) {
        return new IdentityRecord(UUID.randomUUID().toString(), "urn:interlock:person:" + UUID.randomUUID(), "prisons",
                List.of(identifiers).stream().map(Identifier::parse).toList(), PersonName.of(given, family), List.of(),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth));
    }

    static IdentityRecord withAlias(IdentityRecord record, String given, String family) {
        return new IdentityRecord(record.recordId(), record.person(), record.sourceAgency(), record.identifiers(),
                record.name(), List.of(PersonName.of(given, family)), record.dateOfBirth());
    }
}
