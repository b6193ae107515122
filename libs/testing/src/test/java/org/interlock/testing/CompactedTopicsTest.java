package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.interlock.contracts.Topics;
import org.interlock.stack.KafkaNode;
import org.junit.jupiter.api.Test;

/** The local Kafka node (tests and the local stack) creates, compacted, exactly the topics that hold state. */
class CompactedTopicsTest {

    @Test
    void theNodeCompactsTheConsentsAndEveryAgencysStateTopic() {
        List<String> state = new ArrayList<>(List.of(Topics.CONSENTS));
        state.addAll(Topics.allState());
        assertEquals(state.stream().sorted().toList(), KafkaNode.COMPACTED_TOPICS.stream().sorted().toList());
    }
}
