package org.interlock.gateway.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.Topics;
import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.people.PersonLinksView;
import org.jboss.logging.Logger;

/**
 * The one reader, per replica, of what the gateway's views are built from: the four agencies'
 * compacted state topics (allocations, referrals and their answers, restrictions, partner
 * organisations), the compacted consents topic and the person index's links (ADR 0014), every one
 * from the beginning (ADR 0012). A
 * start therefore reads the state of the agencies, not their history. Each state record is checked
 * as an event would be ({@link AgencyEvents#readState}) and offered to every {@link StateView}; a
 * tombstone removes the entity from them. The exchange and readiness wait until it has caught up.
 */
@ApplicationScoped
public class StateTopicsReader {

    private static final Logger LOG = Logger.getLogger(StateTopicsReader.class);

    private final AgencyEvents events;
    private final List<StateView> views;
    private final ConsentCache consents;
    private final PersonLinksView links;
    private final TopicReader reader;

    public StateTopicsReader(@Identifier("default-kafka-broker") Map<String, Object> kafka, AgencyEvents events,
            @All List<StateView> views, ConsentCache consents, PersonLinksView links) {
        this.events = events;
        this.views = List.copyOf(views);
        this.consents = consents;
        this.links = links;
        List<String> topics = new ArrayList<>(Topics.allState());
        topics.add(Topics.CONSENTS);
        topics.add(PersonIndex.LINKS_TOPIC);
        this.reader = new TopicReader("state", kafka, topics, TopicReader.Start.beginning(), this::read);
    }

    void start(@Observes StartupEvent ignored) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        reader.stop();
    }

    /** What readiness and the exchange ask: how far this replica has read. */
    public TopicReader reader() {
        return reader;
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (Topics.CONSENTS.equals(record.topic())) {
                    consents.apply(record.key(), record.value());
                } else if (PersonIndex.LINKS_TOPIC.equals(record.topic())) {
                    links.apply(record);
                } else if (record.value() == null) {
                    ended(record);
                } else {
                    put(record);
                }
            } catch (RuntimeException e) {
                LOG.warnf("State record %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                        e.toString());
            }
        }
    }

    private void put(ConsumerRecord<String, byte[]> record) {
        switch (events.readState(record.topic(), record.key(), record.headers(), record.value())) {
            case AgencyEvents.Valid valid -> views.forEach(view -> view.put(valid.event()));
            case AgencyEvents.Rejected rejected -> LOG.warnf("State record %s-%d@%d left out of every view: %s",
                    record.topic(), record.partition(), record.offset(), rejected.reason());
        }
    }

    private void ended(ConsumerRecord<String, byte[]> record) {
        Optional<Agency> origin = Topics.stateOriginOf(record.topic());
        int separator = record.key() == null ? -1 : record.key().indexOf(':');
        if (origin.isEmpty() || separator <= 0) {
            LOG.warnf("Tombstone %s-%d@%d without a <category>:<id> key ignored", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        String category = record.key().substring(0, separator);
        String id = record.key().substring(separator + 1);
        views.forEach(view -> view.remove(origin.get(), category, id));
    }
}
