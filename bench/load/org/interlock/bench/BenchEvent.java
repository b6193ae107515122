package org.interlock.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Agency events as the services publish them: binary-mode CloudEvents whose type, category,
 * classification and subject agree with the services' catalogues and whose data has exactly the
 * category's fields (the gateway dead-letters anything else). The shapes are those of
 * libs/testing's AgencyTopics, copied because the load generators compile standalone against the
 * local stack's classpath, which has no libs/testing.
 *
 * @param topic the agency topic the service would write it to; {@link #to} sends the same event elsewhere
 */
record BenchEvent(String id, String topic, String key, String value, Map<String, String> headers) {

    static final String PRISONS = "interlock.prisons.events";
    static final String PROBATION = "interlock.probation.events";
    static final String PARTNERS = "interlock.partners.events";
    static final String CONSENTS = "interlock.consents";

    /** A producer as the outbox relays produce: acknowledged by the broker, batched. */
    static KafkaProducer<String, String> producer(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    ProducerRecord<String, String> record() {
        return to(topic);
    }

    ProducerRecord<String, String> to(String otherTopic) {
        return withHeaders(new ProducerRecord<>(otherTopic, key, value));
    }

    private ProducerRecord<String, String> withHeaders(ProducerRecord<String, String> record) {
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * The same event as the service's outbox also writes it to its agency's compacted state topic
     * (ADR 0012), keyed by the entity it leaves in force: the gateway's views (referrals,
     * allocations, organisations) are built from those topics, not from the events topics.
     */
    ProducerRecord<String, String> state(String entity) {
        String agencyTopic = topic.substring(0, topic.length() - ".events".length());
        return withHeaders(new ProducerRecord<>(agencyTopic + ".state", headers.get("ce_category") + ":" + entity, value));
    }

    /** Value plus header bytes: what the broker stores of the event, less the batch overhead. */
    int bytes() {
        return key.length() + value.length()
                + headers.entrySet().stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum();
    }

    // --- prisons -----------------------------------------------------------------------------

    /** custody.reception: to probation's inbox (prisons-to-probation-custody). */
    static BenchEvent reception(String person) {
        return agency(PRISONS, "prisons", "org.interlock.prisons.custody.received.v1", person, "custody.reception",
                "official-sensitive", """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",\
                "receivedOn":"2026-01-10"}""".formatted(UUID.randomUUID(), person));
    }

    /** custody.release: to probation whole, to a referred and consenting mentor as its projection. */
    static BenchEvent releaseDateSet(String person) {
        return agency(PRISONS, "prisons", "org.interlock.prisons.custody.release-date-set.v1", person,
                "custody.release", "official-sensitive", """
                {"id":"%s","person":"%s","status":"IN_CUSTODY","releaseDate":"2027-03-01","releasedOn":null}"""
                .formatted(UUID.randomUUID(), person));
    }

    // --- probation ---------------------------------------------------------------------------

    /** licence.conditions: to prisons whole, to a referred and consenting mentor without its details. */
    static BenchEvent licenceCondition(String person) {
        return agency(PROBATION, "probation", "org.interlock.probation.licence-condition.imposed.v1", person,
                "licence.conditions", "official-sensitive", """
                {"id":"%s","caseId":"%s","person":"%s","kind":"EXCLUSION_ZONE","details":"Must not enter the \
                exclusion zone around the victim's home (map attached to the licence)","startsOn":"2027-03-01",\
                "endsOn":null}""".formatted(UUID.randomUUID(), UUID.nameUUIDFromBytes(person.getBytes()), person));
    }

    /** A referral of the person to the organisation by probation's officer, for a year. */
    static BenchEvent referralMade(String referral, String person, String organisation, List<String> categories,
            List<String> purposes) {
        return agency(PROBATION, "probation", "org.interlock.probation.referral.made.v1", person, "referral",
                "official", """
                {"id":"%s","person":"%s","organisation":"%s","purposes":%s,"categories":%s,"reason":"Resettlement \
                support","endsOn":"%s","referredBy":"peter.probation","status":"MADE"}""".formatted(referral, person,
                organisation, quoted(purposes), quoted(categories), LocalDate.now(ZoneOffset.UTC).plusYears(1)));
    }

    // --- partners ----------------------------------------------------------------------------

    static BenchEvent organisationRegistered(String organisation) {
        String subject = "urn:interlock:organisation:" + organisation;
        return agency(PARTNERS, "partners", "org.interlock.partners.organisation.registered.v1", subject,
                "partner.organisation", "official", """
                {"id":"%s","name":"%s","kind":"MENTORING","status":"ACTIVE"}""".formatted(organisation, organisation));
    }

    /** The organisation's partner manager accepts the referral, naming the caseworker. */
    static BenchEvent referralAccepted(String referral, String person, String organisation, String manager,
            String caseworker, List<String> categories, List<String> purposes) {
        return agency(PARTNERS, "partners", "org.interlock.partners.referral.accepted.v1", person, "partner.referral",
                "official", """
                {"id":"%s","person":"%s","organisation":"%s","origin":"probation","purposes":%s,"categories":%s,\
                "endsOn":"%s","status":"ACCEPTED","caseworker":"%s","answeredBy":"%s","answeredOn":"%s"}"""
                .formatted(referral, person, organisation, quoted(purposes), quoted(categories),
                        LocalDate.now(ZoneOffset.UTC).plusYears(1), caseworker, manager, LocalDate.now(ZoneOffset.UTC)));
    }

    /** The caseworker allocated to the person by the partner manager, inside the referral. */
    static BenchEvent partnerAllocation(String allocation, String person, String caseworker, String manager) {
        return agency(PARTNERS, "partners", "org.interlock.partners.allocation.started.v1", person, "allocation",
                "official", """
                {"id":"%s","person":"%s","staff":"%s","role":"PARTNER_CASEWORKER","startsOn":"2026-01-01",\
                "endsOn":null,"allocatedBy":"%s"}""".formatted(allocation, person, caseworker, manager));
    }

    /** The person's consent as the partners service mirrors it on interlock.consents (keyed by its id). */
    static BenchEvent consent(String person, String organisation, List<String> categories, List<String> purposes) {
        String id = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BenchEvent state = agency(CONSENTS, "partners", "org.interlock.partners.consent.granted.v1", person, "consent",
                "official", """
                {"id":"%s","person":"%s","organisation":"%s","categories":%s,"purposes":%s,"validFrom":"%s",\
                "validUntil":"%s","obtainedHow":"WRITTEN","obtainedBy":"mia.mentor","obtainedOn":"%s",\
                "status":"ACTIVE","withdrawnOn":null,"active":true}""".formatted(id, person, organisation,
                quoted(categories), quoted(purposes), today.minusDays(1), today.plusYears(1), today.minusDays(1)));
        return new BenchEvent(state.id(), CONSENTS, id, state.value(), state.headers());
    }

    // --- plumbing ----------------------------------------------------------------------------

    private static BenchEvent agency(String topic, String agency, String type, String subject, String category,
            String classification, String data) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "/agencies/" + agency);
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_category", category);
        headers.put("ce_classification", classification);
        headers.put("content-type", "application/json");
        return new BenchEvent(id, topic, subject, data, headers);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
