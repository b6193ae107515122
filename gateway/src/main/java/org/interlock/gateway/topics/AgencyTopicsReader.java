package org.interlock.gateway.topics;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.contracts.Topics;
import org.interlock.gateway.feeds.FeedLog;
import org.jboss.logging.Logger;

/**
 * The feed log's reader of the agency events topics, one per replica. It starts each partition
 * {@code interlock.feeds.retention-events} records before its end, not at the beginning: the log
 * keeps no more than that, and an older resume point is read from the topics themselves
 * ({@code FeedHistory}), so a start reads a bounded window whatever the history (ADR 0012). Each
 * record is read and checked once ({@link AgencyEvents}); one that does not pass is left out of
 * the feeds (the exchange dead-letters it). The views of state are built elsewhere
 * ({@link StateTopicsReader}); the exchange reads the same topics under a group of its own.
 */
@ApplicationScoped
public class AgencyTopicsReader {

    private static final Logger LOG = Logger.getLogger(AgencyTopicsReader.class);

    private final AgencyEvents events;
    private final FeedLog feed;
    private final TopicReader reader;

    public AgencyTopicsReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, AgencyEvents events,
            FeedLog feed, @ConfigProperty(name = "interlock.feeds.retention-events", defaultValue = "100000") int retention) {
        this.events = events;
        this.feed = feed;
        this.reader = new TopicReader("feed", kafka, Topics.allEvents(), TopicReader.Start.last(retention), this::read);
    }

    void start(@Observes StartupEvent ignored) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        reader.stop();
    }

    /** What readiness asks: how far the feed log has read. */
    public TopicReader reader() {
        return reader;
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (events.read(record.topic(), record.headers(), record.value()) instanceof AgencyEvents.Valid valid) {
                    feed.append(record.topic(), record.partition(), record.offset(), record.serializedValueSize(),
                            valid.event());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Event %s-%d@%d left out of the feeds: %s", record.topic(), record.partition(), record.offset(),
                        e.toString());
            }
        }
    }
}
