package org.interlock.stack;

import org.interlock.stack.supervision.Component;

/** A Kafka broker of the stack: in this JVM ({@link KafkaNode}, tests) or in its own ({@link KafkaProcess}). */
public interface KafkaBroker extends Component {

    String bootstrapServers();
}
