package org.interlock.agency.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.contracts.CloudEventExtensions;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the agency's events topic as CloudEvents (binary mode),
 * oldest first, keyed by person so that each person's events stay in order. A row is marked
 * published only after Kafka acknowledged it (idempotent producer, acks=all). If the service
 * dies in between, the row is sent again on restart: consumers de-duplicate by event id.
 *
 * <p>A row for the agency's state topic repeats its event's CloudEvent id; a row without payload is
 * a tombstone, published as a record with its key and no value (no headers either: there is no
 * event to describe, and compaction keeps only the key of it), ADR 0012.
 *
 * <p>Several replicas may run: a PostgreSQL advisory lock lets one relay publish at a time, which
 * keeps the order per person across replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final AgencyConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean suspended;

    public OutboxRelay(Pool pool, @Channel("events-out") MutinyEmitter<String> emitter, AgencyConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
    }

    /** Publishes what is pending now; a call while a round runs schedules one more round. */
    public void wake() {
        if (suspended) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        drain().subscribe().with(published -> roundEnded(), failure -> {
            LOG.warnf("Outbox relay round failed (%s); the rows stay pending", failure.getClass().getSimpleName());
            roundEnded();
        });
    }

    /** The safety net behind {@link #wake()}; skipped until the application (and its Kafka channel) is up. */
    @Scheduled(every = "${interlock.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(config.outbox().retention());
        return pool.preparedQuery("DELETE FROM outbox WHERE published_at < $1")
                .execute(Tuple.of(cutoff))
                .invoke(rows -> LOG.debugf("Pruned %d published outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }

    /** Stops publishing, as a crashed relay would; committed rows wait. For fault tests and maintenance. */
    public void suspend() {
        suspended = true;
    }

    public void resume() {
        suspended = false;
        wake();
    }

    private void roundEnded() {
        running.set(false);
        if (again.getAndSet(false)) {
            wake();
        }
    }

    private Uni<Integer> drain() {
        return publishBatch().onItem().transformToUni(published ->
                published == config.outbox().batchSize() && !suspended ? drain() : Uni.createFrom().item(published));
    }

    private Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> tryLock(connection)
                .onItem().transformToUni(locked -> locked ? publishPending(connection) : Uni.createFrom().item(0)));
    }

    private static Uni<Boolean> tryLock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return fetchPending(connection)
                .onItem().transformToUni(this::sendInOrder)
                .call(acknowledged -> markPublished(connection, acknowledged))
                .map(List::size);
    }

    private Uni<List<Row>> fetchPending(SqlConnection connection) {
        return connection.preparedQuery("""
                SELECT id, event_id, topic, record_key, type, subject, category, classification, handling, correlation_id, traceparent,
                       recorded_by, occurred_at, payload
                FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(config.outbox().batchSize()))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /**
     * Subscribing in list order hands the records to the producer in order. Only the rows Kafka
     * acknowledged are returned, to be marked; a failed send stays pending for the next round
     * (the idempotent producer fails every later batch of that partition too, so order holds).
     */
    private Uni<List<Row>> sendInOrder(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Row>> sends = rows.stream()
                .map(row -> emitter.sendMessage(message(row)).replaceWith(row)
                        .onFailure().recoverWithNull())
                .toList();
        return Uni.join().all(sends).andCollectFailures()
                .map(sent -> sent.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static Uni<Void> markPublished(SqlConnection connection, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = rows.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
        return connection.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .replaceWithVoid();
    }

    private Message<String> message(Row row) {
        String subject = row.getString("subject");
        String key = row.getString("record_key") != null ? row.getString("record_key") : subject;
        var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
        if (row.getString("topic") != null) {
            record.withTopic(row.getString("topic"));
        }
        if (row.getString("payload") == null) {
            return Message.<String>of(null, Metadata.of(record.build()));
        }
        UUID eventId = row.getUUID("event_id") != null ? row.getUUID("event_id") : row.getUUID("id");
        String type = row.getString("type");
        OutgoingCloudEventMetadataBuilder<String> event = OutgoingCloudEventMetadata.<String>builder()
                .withId(eventId.toString())
                .withType(type)
                .withSource(config.agencyId().source())
                .withSubject(subject)
                .withTimestamp(row.getOffsetDateTime("occurred_at").toZonedDateTime())
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:interlock:schema:" + type))
                .withExtension(CloudEventExtensions.CLASSIFICATION, row.getString("classification"))
                .withExtension(CloudEventExtensions.CATEGORY, row.getString("category"))
                .withExtension(CloudEventExtensions.CORRELATION_ID, row.getString("correlation_id"))
                .withExtension(CloudEventExtensions.RECORDED_BY, row.getString("recorded_by"));
        if (row.getString("handling") != null) {
            event.withExtension(CloudEventExtensions.HANDLING, row.getString("handling"));
        }
        if (row.getString("traceparent") != null) {
            event.withExtension(CloudEventExtensions.TRACEPARENT, row.getString("traceparent"));
        }
        return Message.of(row.getString("payload"), Metadata.of(event.build(), record.build()));
    }
}
