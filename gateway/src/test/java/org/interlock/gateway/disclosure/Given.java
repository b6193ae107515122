package org.interlock.gateway.disclosure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.TopicWriter;

/**
 * What must hold before a case's record is read or published: a consent in some state, an
 * allocation, a referral. Each is written to its topic, then waited for until the gateway has read
 * it, so that no channel decides before it and another after.
 */
sealed interface Given {

    void write();

    boolean seen(Views views);

    /** The gateway's views a given is read into. */
    record Views(ConsentCache consents, AllocationCaseload caseloads, ReferralView referrals) {
    }

    /** A person's consent to an organisation, as the partners service mirrors it on interlock.consents. */
    record Consent(String id, String person, String organisation, List<String> categories, List<String> purposes,
            LocalDate validFrom, LocalDate validUntil, String status) implements Given {

        /** Active from yesterday for a year, for the record's category and the reader's purpose. */
        static Consent to(Reader reader, AgencyRecord record) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return new Consent(UUID.randomUUID().toString(), record.person(), reader.org(),
                    List.of(record.category()), List.of(reader.purpose()), today.minusDays(1), today.plusYears(1),
                    "ACTIVE");
        }

        Consent forCategories(String... patterns) {
            return new Consent(id, person, organisation, List.of(patterns), purposes, validFrom, validUntil, status);
        }

        Consent forPurposes(String... values) {
            return new Consent(id, person, organisation, categories, List.of(values), validFrom, validUntil, status);
        }

        Consent valid(LocalDate from, LocalDate until) {
            return new Consent(id, person, organisation, categories, purposes, from, until, status);
        }

        Consent givenTo(String other) {
            return new Consent(id, person, other, categories, purposes, validFrom, validUntil, status);
        }

        Consent inState(String value) {
            return new Consent(id, person, organisation, categories, purposes, validFrom, validUntil, value);
        }

        @Override
        public void write() {
            TopicWriter.send("interlock.consents", id, """
                    {"id":"%s","person":"%s","organisation":"%s","categories":%s,"purposes":%s,"validFrom":"%s",
                     "validUntil":"%s","obtainedHow":"WRITTEN","obtainedBy":"milo.mentor","obtainedOn":"%s","status":"%s",
                     "withdrawnOn":%s,"active":%s}""".formatted(id, person, organisation, quoted(categories),
                    quoted(purposes), validFrom, validUntil, validFrom, status,
                    "WITHDRAWN".equals(status) ? "\"" + LocalDate.now(ZoneOffset.UTC) + "\"" : "null",
                    "ACTIVE".equals(status)), TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                    "org.interlock.partners.consent.granted.v1", "/agencies/partners", person, "consent", "official"));
        }

        /** Seen: an active consent once the cache grants what it covers, on a day it covers; an ended one once ended. */
        @Override
        public boolean seen(Views views) {
            ConsentCache consents = views.consents();
            if (!"ACTIVE".equals(status)) {
                return consents.endedAt(id).isPresent();
            }
            // A pattern is probed with the one category of the table's records it may match.
            String category = categories.getFirst().equals("licence.*") ? "licence.conditions" : categories.getFirst();
            return consents.activeConsent(person, organisation, category, purposes.getFirst(),
                    validFrom.atTime(12, 0).toInstant(ZoneOffset.UTC)).isPresent();
        }

        private static String quoted(List<String> values) {
            return values.stream().map(v -> "\"" + v + "\"").toList().toString();
        }
    }

    /** The reader allocated to the person (their caseload) by their organisation's partner manager. */
    record Allocation(String staff, String organisation, String person) implements Given {

        static Allocation of(Reader reader, AgencyRecord record) {
            return new Allocation(reader.username(), reader.org(), record.person());
        }

        @Override
        public void write() {
            AgencyTopics.partnerAllocation(staff, person, organisation);
        }

        @Override
        public boolean seen(Views views) {
            return views.caseloads().includes(staff, person);
        }
    }

    /**
     * A referral of the person by probation to an organisation, for categories and the purpose
     * resettlement, accepted by the organisation (naming the caseworker) or only made.
     */
    record Referral(AgencyTopics.Referral referral, String caseworker, boolean accepted) implements Given {

        /** Accepted, to {@code organisation}, for these categories. */
        static Referral accepted(String organisation, String caseworker, String person, String... categories) {
            return new Referral(AgencyTopics.Referral.byProbation(person, organisation, List.of(categories),
                    List.of("resettlement")), caseworker, true);
        }

        /** The same referral, made and not (yet) answered. */
        Referral unanswered() {
            return new Referral(referral, caseworker, false);
        }

        String organisation() {
            return referral.organisation();
        }

        @Override
        public void write() {
            AgencyTopics.referralMade(referral);
            if (accepted) {
                AgencyTopics.referralAccepted(referral, caseworker);
            }
        }

        @Override
        public boolean seen(Views views) {
            return views.referrals().find(referral.id()).filter(r -> r.accepted() == accepted).isPresent();
        }
    }
}
