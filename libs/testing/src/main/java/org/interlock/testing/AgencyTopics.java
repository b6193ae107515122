package org.interlock.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agency events, organisations, allocations, referrals, restrictions and consents written
 * straight to their topics, as the services would publish them (binary-mode CloudEvents whose
 * type, category and handling code agree with the services' catalogues, data as their schemas
 * say), for tests of the gateway without the services. What the gateway's views are built from is
 * written twice, as the services' outboxes do (ADR 0012): the event on the agency's events topic,
 * and the same CloudEvent on its state topic under {@code <category>:<id>}, or a tombstone there
 * when the entity ends.
 */
public final class AgencyTopics {

    public static final String PARTNERS_EVENTS = "interlock.partners.events";

    private AgencyTopics() {
    }

    /**
     * A partner organisation's registration ({@code verb} registered) or change of status
     * (suspended, reinstated); returns when it was written.
     */
    public static Instant organisation(String id, String status, String verb) {
        String subject = "urn:interlock:organisation:" + id;
        return withState("partners", subject, id, """
                {"id":"%s","name":"%s","kind":"MENTORING","status":"%s"}""".formatted(id, id, status),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.organisation." + verb + ".v1", "/agencies/partners", subject,
                        "partner.organisation", "official"));
    }

    /** An agency's state topic, {@code interlock.<agency>.state}. */
    public static String stateTopic(String agency) {
        return "interlock." + agency + ".state";
    }

    /**
     * The event on the agency's events topic (keyed by its subject), then the same CloudEvent on its
     * state topic under {@code <category>:<id>}; returns when the event was written.
     */
    public static Instant withState(String agency, String subject, String id, String data, Map<String, String> headers) {
        Instant written = TopicWriter.send("interlock." + agency + ".events", subject, data, headers);
        TopicWriter.send(stateTopic(agency), headers.get("ce_category") + ":" + id, data, headers);
        return written;
    }

    /** The event that ends an entity, then its tombstone on the agency's state topic. */
    public static void ending(String agency, String subject, String id, String data, Map<String, String> headers) {
        TopicWriter.send("interlock." + agency + ".events", subject, data, headers);
        tombstone(agency, headers.get("ce_category"), id);
    }

    /** A tombstone on the agency's state topic: the entity {@code <category>:<id>} has ended. */
    public static void tombstone(String agency, String category, String id) {
        TopicWriter.send(stateTopic(agency), category + ":" + id, null, Map.of());
    }

    /** The demo organisations, registered and active. */
    public static void demoOrganisations() {
        organisation("horizon-mentoring", "ACTIVE", "registered");
        organisation("faith-bridge", "ACTIVE", "registered");
    }

    /** A member of staff allocated to a person in an agency (by a team manager); returns the allocation's id. */
    public static String allocation(String agency, String staff, String person) {
        return allocation(agency, staff, person, "tess.tester");
    }

    /**
     * A partner organisation's caseworker allocated to a person by the organisation's partner
     * manager, as the partners service records it when the manager accepts a referral (it counts
     * at the gateway only inside that referral); returns the allocation's id.
     */
    public static String partnerAllocation(String caseworker, String person, String organisation) {
        return allocation("partners", caseworker, person, partnerManagerOf(organisation));
    }

    private static String allocation(String agency, String staff, String person, String allocatedBy) {
        String id = UUID.randomUUID().toString();
        withState(agency, person, id, allocationData(id, agency, staff, person, allocatedBy),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock." + agency + ".allocation.started.v1", "/agencies/" + agency, person,
                        "allocation", "official"));
        return id;
    }

    /** An allocation ended (by a team manager): its event, and its tombstone on the agency's state topic. */
    public static void allocationEnded(String agency, String id, String staff, String person) {
        String data = allocationData(id, agency, staff, person, "tess.tester")
                .replace("\"endsOn\":null", "\"endsOn\":\"2026-06-30\"");
        ending(agency, person, id, data, TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                "org.interlock." + agency + ".allocation.ended.v1", "/agencies/" + agency, person, "allocation",
                "official"));
    }

    static String allocationData(String id, String agency, String staff, String person, String allocatedBy) {
        String role = switch (agency) {
            case "prisons" -> "OFFENDER_MANAGER";
            case "probation" -> "PROBATION_PRACTITIONER";
            case "intelligence" -> "INTELLIGENCE_OFFICER";
            default -> "PARTNER_CASEWORKER";
        };
        return """
                {"id":"%s","person":"%s","staff":"%s","role":"%s","startsOn":"2026-01-01","endsOn":null,
                 "allocatedBy":"%s"}""".formatted(id, person, staff, role, allocatedBy);
    }

    /** The partner manager of a demo organisation (the realm's personas); of any other, {@code manager.<organisation>}. */
    public static String partnerManagerOf(String organisation) {
        return switch (organisation) {
            case "horizon-mentoring" -> "hana.horizon";
            case "faith-bridge" -> "felix.faithbridge";
            default -> "manager." + organisation;
        };
    }

    /**
     * A referral of a person to a partner organisation by their statutory lead.
     *
     * @param origin     the agency that refers (prisons or probation)
     * @param categories category patterns, as a referral names them
     */
    public record Referral(String id, String origin, String person, String organisation, List<String> categories,
            List<String> purposes, LocalDate endsOn, String referredBy) {

        public Referral {
            categories = List.copyOf(categories);
            purposes = List.copyOf(purposes);
        }

        /** By probation's officer (peter.probation), for a year. */
        public static Referral byProbation(String person, String organisation, List<String> categories,
                List<String> purposes) {
            return new Referral(UUID.randomUUID().toString(), "probation", person, organisation, categories, purposes,
                    LocalDate.now(ZoneOffset.UTC).plusYears(1), "peter.probation");
        }

        /** By the prison's offender manager (olivia.prison), before a probation practitioner is allocated. */
        public static Referral byPrisons(String person, String organisation, List<String> categories,
                List<String> purposes) {
            return new Referral(UUID.randomUUID().toString(), "prisons", person, organisation, categories, purposes,
                    LocalDate.now(ZoneOffset.UTC).plusYears(1), "olivia.prison");
        }

        public Referral endingOn(LocalDate day) {
            return new Referral(id, origin, person, organisation, categories, purposes, day, referredBy);
        }
    }

    /** The referral as its origin publishes it when made (still to be answered by the organisation). */
    public static Referral referralMade(Referral referral) {
        withState(referral.origin(), referral.person(), referral.id(), referralMadeData(referral),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock." + referral.origin() + ".referral.made.v1", "/agencies/" + referral.origin(),
                        referral.person(), "referral", "official"));
        return referral;
    }

    /** The organisation's partner manager accepts the referral, naming the caseworker (the partners service's answer). */
    public static Referral referralAccepted(Referral referral, String caseworker) {
        withState("partners", referral.person(), referral.id(), referralAcceptedData(referral, caseworker),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.referral.accepted.v1", "/agencies/partners", referral.person(),
                        "partner.referral", "official"));
        return referral;
    }

    /**
     * A person referred by probation to an organisation and accepted by its partner manager, who
     * names the caseworker (not allocated here: see {@link #partnerAllocation}); in force for a year.
     */
    public static Referral acceptedReferral(String person, String organisation, String caseworker,
            List<String> categories, List<String> purposes) {
        return referralAccepted(referralMade(Referral.byProbation(person, organisation, categories, purposes)),
                caseworker);
    }

    static String referralMadeData(Referral referral) {
        return """
                {"id":"%s","person":"%s","organisation":"%s","purposes":%s,"categories":%s,"reason":"Resettlement support",
                 "endsOn":"%s","referredBy":"%s","status":"MADE"}""".formatted(referral.id(), referral.person(),
                referral.organisation(), quoted(referral.purposes()), quoted(referral.categories()), referral.endsOn(),
                referral.referredBy());
    }

    static String referralAcceptedData(Referral referral, String caseworker) {
        return """
                {"id":"%s","person":"%s","organisation":"%s","origin":"%s","purposes":%s,"categories":%s,"endsOn":"%s",
                 "status":"ACCEPTED","caseworker":"%s","answeredBy":"%s","answeredOn":"%s"}""".formatted(referral.id(),
                referral.person(), referral.organisation(), referral.origin(), quoted(referral.purposes()),
                quoted(referral.categories()), referral.endsOn(), caseworker, partnerManagerOf(referral.organisation()),
                LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * An agency's records about a person restricted to named staff, as the agency publishes it
     * when a team manager imposes it; returns the restriction's id.
     */
    public static String restriction(String agency, String person, String imposedBy, String... staff) {
        String id = UUID.randomUUID().toString();
        withState(agency, person, id, restrictionData(id, person, imposedBy, List.of(staff)),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock." + agency + ".restriction.imposed.v1", "/agencies/" + agency, person,
                        "restriction", "official-sensitive"));
        return id;
    }

    /** A restriction lifted (by a team manager): its event, and its tombstone on the agency's state topic. */
    public static void restrictionLifted(String agency, String id, String person, String imposedBy, String... staff) {
        String data = restrictionData(id, person, imposedBy, List.of(staff))
                .replace("\"liftedOn\":null", "\"liftedOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"")
                .replace("\"ACTIVE\"", "\"LIFTED\"");
        ending(agency, person, id, data, TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                "org.interlock." + agency + ".restriction.lifted.v1", "/agencies/" + agency, person, "restriction",
                "official-sensitive"));
    }

    static String restrictionData(String id, String person, String imposedBy, List<String> staff) {
        return """
                {"id":"%s","person":"%s","staff":%s,"reason":"Named officers only during a live operation",
                 "imposedBy":"%s","imposedOn":"%s","liftedOn":null,"status":"ACTIVE"}""".formatted(id, person,
                quoted(staff), imposedBy, LocalDate.now(ZoneOffset.UTC));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** A release date set in prison, with the episode's other facts that a release event must not carry; returns the event id. */
    public static String releaseDateSet(String person, String episode) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.events", person, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","releaseDate":"2026-12-01","releasedOn":null}""".formatted(episode, person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                        "/agencies/prisons", person, "custody.release", "official-sensitive"));
        return id;
    }

    /** An intelligence report under a handling code (P: may be disseminated; C: never leaves); returns the event id. */
    public static String report(String person, String handling) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id,
                "org.interlock.intelligence.report.filed.v1", "/agencies/intelligence", person, "intel.report",
                "secret"));
        headers.put("ce_handling", handling);
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","sourceEvaluation":2,"intelligenceAssessment":"B","handlingCode":"%s",
                 "handlingConditions":%s,"content":"restricted content","reportedOn":"2026-11-01"}"""
                .formatted(UUID.randomUUID(), person, handling, "C".equals(handling) ? "\"named handlers only\"" : "null"),
                headers);
        return id;
    }

    /** A consent, as the partners service mirrors it on interlock.consents; returns its id. */
    public static String consent(String person, String organisation) {
        String id = UUID.randomUUID().toString();
        consentState(id, person, organisation, "ACTIVE");
        return id;
    }

    public static void consentState(String id, String person, String organisation, String status) {
        TopicWriter.send("interlock.consents", id, """
                {"id":"%s","person":"%s","organisation":"%s","categories":["custody.release","licence.*"],
                 "purposes":["resettlement"],"validFrom":"%s","validUntil":"%s","obtainedHow":"WRITTEN",
                 "obtainedBy":"mia.mentor","obtainedOn":"%s","status":"%s","withdrawnOn":null,"active":%s}"""
                .formatted(id, person, organisation, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                        LocalDate.now().minusDays(1), status, "ACTIVE".equals(status)),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.partners.consent.granted.v1",
                        "/agencies/partners", person, "consent", "official"));
    }

    /** The partners service's withdrawal event (its consent state follows on interlock.consents). */
    public static void withdrawn(String consent, String person, String organisation) {
        TopicWriter.send(PARTNERS_EVENTS, person, """
                {"id":"%s","person":"%s","organisation":"%s","status":"WITHDRAWN"}"""
                .formatted(consent, person, organisation),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.partners.consent.withdrawn.v1",
                        "/agencies/partners", person, "consent", "official"));
        consentState(consent, person, organisation, "WITHDRAWN");
    }

    public static void erasureConfirmed(String notice, String consent, String person, String organisation,
            List<String> events) {
        TopicWriter.send(PARTNERS_EVENTS, person, """
                {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","erased":%d,"events":%s}"""
                .formatted(notice, organisation, consent, person, events.size(),
                        events.stream().map(e -> "\"" + e + "\"").toList()),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.erasure.confirmed.v1", "/agencies/partners", person,
                        "partner.erasure", "official"));
    }
}
