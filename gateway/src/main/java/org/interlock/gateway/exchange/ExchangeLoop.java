package org.interlock.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.audit.record.AuditRecord;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.federation.outcomes.EndedIntervention;
import org.interlock.gateway.federation.outcomes.OutcomeTally;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.gateway.federation.send.ReleasedToPeer;
import org.interlock.contracts.Topics;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.AgencyEvents;
import org.interlock.gateway.topics.StateTopicsReader;
import org.jboss.logging.Logger;

/**
 * The exchange: consume every agency's events, decide and redact per recipient, and produce the
 * copies — exactly once, in Kafka transactions that carry the consumed offsets, read by the
 * recipients as committed only. The audit records of a batch are durable before its transaction
 * commits, so no copy is ever visible without its record. One poll is routed while the previous
 * one's transaction is open and its records are being made durable: that work overlaps, the
 * transactions follow one another in poll order.
 *
 * <p>One thread per replica; replicas share the work by partitions (one consumer group), each
 * with a transactional id of its own (fenced by the group's generation, KIP-447). Any failure
 * aborts the batch and starts over from the committed offsets: a copy produced again has the same
 * id, and an aborted one was never visible. Events of one person stay in order (keyed by person).
 */
@ApplicationScoped
public class ExchangeLoop {

    private static final Logger LOG = Logger.getLogger(ExchangeLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Map<String, Object> kafka;
    private final Router router;
    private final Erasure erasure;
    private final ReviewTriggers triggers;
    private final AuditTrail audit;
    private final FederationOutbox outbox;
    private final OutcomeTally tally;
    private final StateTopicsReader views;
    private final AgencyEvents events;
    private final boolean enabled;
    private final String group;
    private final int maxPollRecords;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ExchangeLoop(@Identifier("default-kafka-broker") Map<String, Object> kafka, Router router, Erasure erasure,
            ReviewTriggers triggers, AuditTrail audit, FederationOutbox outbox, OutcomeTally tally,
            StateTopicsReader views,
            AgencyEvents events,
            @ConfigProperty(name = "interlock.exchange.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "interlock.exchange.group", defaultValue = "interlock-gateway-exchange") String group,
            @ConfigProperty(name = "interlock.exchange.max-poll-records", defaultValue = "500") int maxPollRecords) {
        this.kafka = kafka;
        this.router = router;
        this.erasure = erasure;
        this.triggers = triggers;
        this.audit = audit;
        this.outbox = outbox;
        this.tally = tally;
        this.views = views;
        this.events = events;
        this.enabled = enabled;
        this.group = group;
        this.maxPollRecords = maxPollRecords;
    }

    void start(@Observes StartupEvent ignored) {
        if (enabled) {
            running = true;
            thread = Thread.ofPlatform().name("exchange").start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(15));
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
                consumer = c;
                producer.initTransactions();
                awaitViews();
                c.subscribe(Topics.allEvents());
                triggers.restart();
                Batch inFlight = null;
                while (running) {
                    // With a transaction open, ask only for what has arrived: it commits at once when nothing has.
                    ConsumerRecords<String, byte[]> records = c.poll(inFlight == null ? POLL : Duration.ZERO);
                    Batch next = records.isEmpty() ? null : route(records, c, inFlight);
                    if (inFlight != null) {
                        commit(inFlight, producer);
                    }
                    inFlight = next == null ? null : open(next, producer);
                }
                if (inFlight != null) {
                    commit(inFlight, producer);
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                // Nothing of an uncommitted batch is visible: start again from the committed offsets.
                LOG.warnf("Exchange batch abandoned, restarting from the committed offsets: %s", e.toString());
                pause(RETRY);
            }
        }
    }

    /**
     * One poll's work: its copies (and dead letters, erasure notices, review-trigger notices), the audit records already on
     * their way to durability, and the offsets its transaction will carry.
     */
    private record Batch(List<ProducerRecord<String, byte[]>> out, List<ReleasedToPeer> toPeers,
            List<EndedIntervention> ended, CompletableFuture<Void> durable, Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
    }

    /**
     * Decides a poll's events while the previous poll's transaction is still open (so the audit
     * writer and the broker work while this thread routes), and hands its audit records over.
     */
    private Batch route(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> c, Batch previous) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        List<ReleasedToPeer> toPeers = new ArrayList<>();
        List<EndedIntervention> ended = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            AgencyEvent event;
            switch (events.read(record.topic(), record.headers(), record.value())) {
                case AgencyEvents.Valid valid -> event = valid.event();
                case AgencyEvents.Rejected rejected -> {
                    out.add(deadLetter(record, rejected.reason()));
                    continue;
                }
            }
            Router.Routing routing = router.route(event);
            routing.copies().stream().map(InboxCopy::of).forEach(out::add);
            toPeers.addAll(routing.toPeers());
            evidence.addAll(routing.evidence());
            EndedIntervention.of(event).ifPresent(ended::add);
            if (erasure.readsHistory(event)) {
                // The history it reads must hold every copy decided before it, the open batch's too.
                if (previous != null) {
                    audit.awaitDurable(previous.durable());
                }
                audit.recordAndWait(evidence);
                evidence.clear();
            }
            Erasure.Outcome erased = erasure.on(event);
            out.addAll(erased.notices());
            evidence.addAll(erased.evidence());
            ReviewTriggers.Outcome fired = triggers.on(event);
            out.addAll(fired.notices());
            evidence.addAll(fired.evidence());
        }
        return new Batch(out, toPeers, ended, audit.submit(evidence), nextOffsets(records), c.groupMetadata());
    }

    /**
     * Opens the batch's transaction and sends its copies: invisible to every inbox reader (all read
     * committed) until {@link #commit}.
     */
    private static Batch open(Batch batch, KafkaProducer<String, byte[]> producer) {
        producer.beginTransaction();
        batch.out().forEach(producer::send);
        return batch;
    }

    /**
     * Commits the batch once its audit records are durable: no copy is ever visible, and nothing queued for a peer,
     * without its record. What peers were released is queued, and the ended interventions tallied (one statement
     * batch, none in most polls), before the offsets commit, so a crash in between routes the events again and the
     * outbox, knowing the items, queues nothing twice, and the tally, keyed by intervention, counts nothing twice.
     */
    private void commit(Batch batch, KafkaProducer<String, byte[]> producer) {
        try {
            audit.awaitDurable(batch.durable());
            outbox.enqueueReleased(batch.toPeers());
            tally.record(batch.ended());
            producer.sendOffsetsToTransaction(batch.offsets(), batch.group());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abortQuietly(producer);
            throw e;
        }
    }

    /**
     * An event the exchange cannot decide on is never routed: it goes, as it came, to the gateway's
     * dead-letter topic in the same transaction, with the reason and where it was read.
     */
    private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Event %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.GATEWAY_DEAD_LETTER, null, record.key(),
                record.value(), record.headers());
        dead.headers().add(Topics.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-source", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return dead;
    }

    /**
     * Waits until the views (consents, organisations, referrals, caseloads, restrictions) have read
     * their state topics up to the end offsets those had when the replica started (ADR 0012):
     * deciding on a half-read view could disclose under a consent whose withdrawal is still to be read.
     */
    private void awaitViews() {
        long since = System.nanoTime();
        while (running && !views.reader().caughtUp()) {
            if (System.nanoTime() - since > Duration.ofSeconds(30).toNanos()) {
                LOG.warnf("The exchange is still waiting for the views to catch up (%d offsets behind)",
                        views.reader().behind());
                since = System.nanoTime();
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.getLast().offset() + 1));
        }
        return offsets;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put("group.id", group);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        config.put("enable.auto.commit", "false");
        config.put("isolation.level", "read_committed");
        config.put("auto.offset.reset", "earliest");
        config.put("max.poll.records", maxPollRecords);
        // A replica killed outright holds its partitions until the session times out (45 s by
        // default): nothing of them is routed meanwhile (bench/soak measured a 41 s stall).
        config.put("session.timeout.ms", 10_000);
        config.put("heartbeat.interval.ms", 3_000);
        // Each poll becomes a transaction. A fetch answered for every few events made the broker
        // spend 42 % of its samples on transactions at 1,000 events/s (JFR): wait up to 10 ms for
        // 32 KiB instead, so a quiet stream costs at most 100 transactions a second.
        config.put("fetch.min.bytes", 32_768);
        config.put("fetch.max.wait.ms", 10);
        config.put("client.id", "interlock-exchange-consumer");
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", ByteArraySerializer.class.getName());
        config.put("enable.idempotence", "true");
        config.put("acks", "all");
        config.put("linger.ms", 5);
        // A killed replica's open transaction holds back every read_committed reader of the
        // partitions it wrote to until the broker aborts it: after this, not the 60 s default.
        // A batch's transaction lasts its routing and one commit, well under a second.
        config.put("transaction.timeout.ms", 10_000);
        // Transactions follow one another per poll: a request refused while the previous commit's
        // markers are written (CONCURRENT_TRANSACTIONS) is retried after this, not the 100 ms default.
        config.put("retry.backoff.ms", 5);
        config.put("retry.backoff.max.ms", 100);
        // One per process and start: fencing across replicas is by the consumer group (KIP-447).
        // The "interlock-gateway" prefix is what the gateway's Kafka ACLs allow (helm: strimzi-users).
        config.put("transactional.id", "interlock-gateway-exchange-" + UUID.randomUUID());
        config.put("client.id", "interlock-exchange-producer");
        return config;
    }

    private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException ignored) {
            // The producer is closed next; the transaction times out on the broker.
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
