package org.interlock.gateway.topics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.TestInfrastructure;
import org.interlock.testing.TopicWriter;

/**
 * What the agencies did before the gateway of {@link ViewsAfterRestartTest} starts: allocations
 * ended, restrictions lifted, a referral withdrawn, an organisation suspended, among others still
 * in force; thousands of allocations of one person started and ended (a state topic larger than its
 * state); and last, the state about which {@link GatedView} holds the reader.
 */
public class HistoryBeforeStart implements QuarkusTestResourceLifecycleManager {

    static final int CHURN = 5_000;

    @Override
    public Map<String, String> start() {
        churn();
        String ended = AgencyTopics.allocation("prisons", ViewsAfterRestartTest.OLIVIA, ViewsAfterRestartTest.ENDED);
        AgencyTopics.allocationEnded("prisons", ended, ViewsAfterRestartTest.OLIVIA, ViewsAfterRestartTest.ENDED);
        AgencyTopics.allocation("prisons", ViewsAfterRestartTest.OLIVIA, ViewsAfterRestartTest.ALLOCATED);

        String lifted = AgencyTopics.restriction("prisons", ViewsAfterRestartTest.UNRESTRICTED, "tom.prisonlead",
                ViewsAfterRestartTest.OLIVIA);
        AgencyTopics.restrictionLifted("prisons", lifted, ViewsAfterRestartTest.UNRESTRICTED, "tom.prisonlead",
                ViewsAfterRestartTest.OLIVIA);
        AgencyTopics.restriction("prisons", ViewsAfterRestartTest.RESTRICTED, "tom.prisonlead",
                ViewsAfterRestartTest.OLIVIA);

        AgencyTopics.Referral withdrawn = AgencyTopics.acceptedReferral(ViewsAfterRestartTest.WITHDRAWN,
                ViewsAfterRestartTest.TRUST, "mia.mentor", List.of("custody.release"), List.of("resettlement"));
        AgencyTopics.tombstone("probation", "referral", withdrawn.id());
        AgencyTopics.tombstone("partners", "partner.referral", withdrawn.id());
        AgencyTopics.acceptedReferral(ViewsAfterRestartTest.REFERRED, ViewsAfterRestartTest.TRUST, "mia.mentor",
                List.of("custody.release"), List.of("resettlement"));

        AgencyTopics.organisation(ViewsAfterRestartTest.TRUST, "ACTIVE", "registered");
        AgencyTopics.organisation(ViewsAfterRestartTest.SUSPENDED_TRUST, "ACTIVE", "registered");
        AgencyTopics.organisation(ViewsAfterRestartTest.SUSPENDED_TRUST, "SUSPENDED", "suspended");

        AgencyTopics.allocation("prisons", ViewsAfterRestartTest.OLIVIA, ViewsAfterRestartTest.GATE);
        return Map.of();
    }

    /** One person allocated and unallocated again and again, as its service would write it to the state topic. */
    private static void churn() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < CHURN; i++) {
                String id = UUID.randomUUID().toString();
                ProducerRecord<String, String> started = new ProducerRecord<>("interlock.prisons.state",
                        "allocation:" + id, """
                        {"id":"%s","person":"%s","staff":"%s","role":"OFFENDER_MANAGER","startsOn":"2026-01-01",
                         "endsOn":null,"allocatedBy":"tess.tester"}""".formatted(id, ViewsAfterRestartTest.CHURNED,
                        ViewsAfterRestartTest.OLIVIA));
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.prisons.allocation.started.v1", "/agencies/prisons",
                        ViewsAfterRestartTest.CHURNED, "allocation", "official")
                        .forEach((name, value) -> started.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(started);
                producer.send(new ProducerRecord<>("interlock.prisons.state", "allocation:" + id, null));
            }
            producer.flush();
        }
    }

    @Override
    public void stop() {
        // The topics belong to the test JVM's broker.
    }
}
