package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.interlock.contracts.Topics;
import org.interlock.stack.KafkaNode;
import org.junit.jupiter.api.Test;

/**
 * The local Kafka node (tests and the local stack) creates, compacted, exactly the topics that hold
 * state (ADR 0012): created on first use instead, a state topic would keep every record.
 */
class CompactedTopicsTest {

    @Test
    void theNodeCompactsTheConsentsEveryAgencysStateTopicAndThePersonLinks() {
        List<String> state = new ArrayList<>(List.of(Topics.CONSENTS, org.interlock.contracts.PersonIndex.LINKS_TOPIC));
        state.addAll(Topics.allState());
        assertEquals(state.stream().sorted().toList(), KafkaNode.COMPACTED_TOPICS.stream().sorted().toList());
    }

    @Test
    void theRunningBrokerHasEveryStateTopicCompactedBeforeAnyoneWritesToIt() throws Exception {
        String servers = TestInfrastructure.shared().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            List<ConfigResource> topics = KafkaNode.COMPACTED_TOPICS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            for (ConfigResource topic : topics) {
                assertEquals("compact", configs.get(topic).get("cleanup.policy").value(), topic.name());
            }
        }
    }
}
