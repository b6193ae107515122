package org.interlock.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.TestInfrastructure;
import org.interlock.testing.TopicWriter;

/**
 * The agency events the feed tests publish, shaped as each catalogue declares them (anything
 * else never reaches a feed), and the fields each reaches an analyst with. Every writer returns
 * the event's id, which is what a feed's {@code id} names.
 */
final class FeedEvents {

    /** What a release date reaches an analyst with: the custody.release facts, nothing else of the episode. */
    static final Set<String> RELEASE_FIELDS = Set.of("id", "person", "status", "releaseDate", "releasedOn");
    /** What a threat flag reaches an analyst with: all of intel.threat. */
    static final Set<String> THREAT_FIELDS = Set.of("id", "person", "kind", "raisedOn", "clearedOn");
    /** What a licence condition reaches an analyst with: licence.conditions without its redacted details. */
    static final Set<String> LICENCE_FIELDS_BUT_DETAILS = Set.of("id", "caseId", "person", "kind", "startsOn",
            "endsOn");

    private FeedEvents() {
    }

    static String releaseDateSet(String person) {
        return releaseDateSet(person, "");
    }

    /** A release date set, with {@code padding} appended to its status (a released field) to make it big. */
    static String releaseDateSet(String person, String padding) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.events", person, release(person, padding), releaseHeaders(id, person));
        return id;
    }

    /**
     * A release date set with the episode's other facts (prison number, establishment, security
     * category) beside it, which no analyst may receive with it.
     */
    static String releaseWithTheWholeEpisode(String person) {
        return AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
    }

    /** Many padded releases at once, through one producer, at {@code pace}; returns their ids in order. */
    static List<String> bulkReleases(String person, int count, String padding, Duration pace) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 20_000_000);
        List<String> ids = new ArrayList<>();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                var record = new ProducerRecord<>("interlock.prisons.events", person, release(person, padding));
                releaseHeaders(id, person)
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
                ids.add(id);
                if (!pace.isZero()) {
                    LockSupport.parkNanos(pace.toNanos());
                }
            }
            producer.flush();
        }
        return ids;
    }

    /** A secret threat flag (intel.threat, which has no handling code). */
    static String threatFlag(String person) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","kind":"ATTACK_PLANNING","raisedOn":"2026-11-01","clearedOn":null}"""
                .formatted(UUID.randomUUID(), person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.intelligence.threat-flag.raised.v1",
                        "/agencies/intelligence", person, "intel.threat", "secret"));
        return id;
    }

    /**
     * A sanitised intelligence summary (intel.summary: official-sensitive, always handling code P),
     * which every analyst may receive: on the intelligence topic, behind a flag or a report about the
     * same person, its arrival shows that they have been decided.
     */
    static String summary(String person) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id,
                "org.interlock.intelligence.sanitised-summary.released.v1", "/agencies/intelligence", person,
                "intel.summary", "official-sensitive"));
        headers.put("ce_handling", "P");
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","sanitisedSummary":"Known to associate with a group of concern",
                 "reportedOn":"2026-11-01"}""".formatted(UUID.randomUUID(), person), headers);
        return id;
    }

    /**
     * A secret intelligence report under {@code handling} (C: never leaves intelligence; P: may be
     * disseminated); two reports differ in nothing a decision reads but their handling code.
     */
    static String report(String person, String handling) {
        return AgencyTopics.report(person, handling);
    }

    /** An exclusion zone imposed on licence, its details (the zone) in full. */
    static String licenceCondition(String person) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.probation.events", person, """
                {"id":"%s","caseId":"%s","person":"%s","kind":"EXCLUSION_ZONE",
                 "details":"Must not enter the area bounded by the ring road","startsOn":"2026-12-01","endsOn":null}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.probation.licence-condition.imposed.v1",
                        "/agencies/probation", person, "licence.conditions", "official-sensitive"));
        return id;
    }

    private static String release(String person, String padding) {
        return """
                {"id":"%s","person":"%s","status":"IN_CUSTODY%s","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(UUID.randomUUID(), person, padding);
    }

    private static Map<String, String> releaseHeaders(String id, String person) {
        return TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                "/agencies/prisons", person, "custody.release", "official-sensitive");
    }
}
