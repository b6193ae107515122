package org.interlock.bench.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.interlock.people.identifier.Identifier;
import org.interlock.people.identifier.IdentifierType;
import org.interlock.people.identifier.PncCheckCharacter;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.PersonName;

/**
 * A seeded synthetic population with known truth: each person has a prison number, a CRN and a PNC
 * id, a name, sometimes an alias, and a date of birth; the agencies hold two to five records of
 * them (prison, probation, police, partner), each under a person reference of its own, each with the
 * errors agencies make at the rates below. The records arrive in random order.
 */
final class SyntheticPopulation {

    /** One agency record and the person it truly is. */
    record Assertion(IdentityRecord record, int truth) {
    }

    private record Person(int truth, String given, String family, PersonName alias, LocalDate dob,
            Identifier prisonNumber, Identifier crn, Identifier pnc) {
    }

    private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    private static final int DAYS = 56 * 365;

    private final Random random;
    private final Names names;
    private final Errors errors;

    SyntheticPopulation(long seed) {
        this.random = new Random(seed);
        this.names = new Names(random, 20_000);
        this.errors = new Errors(random);
    }

    List<Assertion> generate(int people) {
        List<Assertion> all = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            all.addAll(recordsOf(person(i)));
        }
        Collections.shuffle(all, random);
        return all;
    }

    private Person person(int i) {
        String given = names.given();
        String family = names.family();
        PersonName alias = random.nextDouble() < 0.2
                ? (random.nextBoolean() ? PersonName.of(given, names.family()) : PersonName.of(names.given(), family))
                : null;
        int year = 1990 + i % 35;
        long serial = i + 1L;
        return new Person(i, given, family, alias, EARLIEST.plusDays(random.nextInt(DAYS)),
                Identifier.of(IdentifierType.PRISON_NUMBER, prisonNumber(i)),
                Identifier.of(IdentifierType.CRN, (char) ('A' + i % 26) + String.format("%06d", i / 26)),
                Identifier.of(IdentifierType.PNC, String.format("%04d/%07d%c", year, serial, PncCheckCharacter.of(year, serial))));
    }

    private List<Assertion> recordsOf(Person p) {
        List<Assertion> records = new ArrayList<>();
        if (random.nextDouble() < 0.7) {
            records.add(record(p, "prisons", List.of(p.prisonNumber())));
            if (random.nextDouble() < 0.15) {
                records.add(record(p, "prisons", List.of(p.prisonNumber())));
            }
        }
        if (random.nextDouble() < 0.75) {
            records.add(record(p, "probation", random.nextBoolean() ? List.of(p.crn(), p.pnc()) : List.of(p.crn())));
        }
        if (random.nextDouble() < 0.8) {
            records.add(record(p, "police", List.of(p.pnc())));
        }
        if (random.nextDouble() < 0.3) {
            records.add(record(p, "partners", List.of()));
        }
        while (records.size() < 2) {
            records.add(record(p, "probation", List.of(p.crn())));
        }
        return records;
    }

    private Assertion record(Person p, String agency, List<Identifier> identifiers) {
        String given = p.given();
        String family = p.family();
        if (p.alias() != null && random.nextDouble() < 0.04) {
            given = p.alias().given();
            family = p.alias().family();
        }
        given = chance(0.05) ? errors.variant(given) : given;
        given = chance(0.06) ? errors.typo(given) : given;
        family = chance(0.06) ? errors.typo(family) : family;
        PersonName name = chance(0.03) ? PersonName.of(family, given) : PersonName.of(given, family);
        List<PersonName> aliases = p.alias() != null && chance(0.3) ? List.of(p.alias()) : List.of();
        IdentityRecord record = new IdentityRecord(uuid().toString(), "urn:interlock:person:" + uuid(),
                agency, identifiers, name, aliases, dateOfBirth(p.dob()));
        return new Assertion(record, p.truth());
    }

    private LocalDate dateOfBirth(LocalDate dob) {
        double u = random.nextDouble();
        if (u < 0.03) {
            return errors.swapDayAndMonth(dob);
        }
        if (u < 0.06) {
            return errors.transposeDigits(dob);
        }
        return u < 0.09 ? null : dob;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static String prisonNumber(int i) {
        int digits = i % 10_000;
        int rest = i / 10_000;
        return "" + (char) ('A' + rest / 676 % 26) + String.format("%04d", digits) + (char) ('A' + rest / 26 % 26)
                + (char) ('A' + rest % 26);
    }
}
