package org.interlock.people.outbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.Classification;
import org.interlock.contracts.PersonIndex;
import org.interlock.people.config.PeopleConfig;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows as CloudEvents (binary mode), oldest first, as the agency services'
 * relay does: marked published only once Kafka acknowledged them; a row without payload is a
 * tombstone (key, no value, no headers). An advisory lock lets one replica publish at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** "people" in ASCII. */
    private static final long RELAY_LOCK = 0x70656F706C65L;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxRelay(Pool pool, @Channel("people-out") MutinyEmitter<String> emitter, PeopleConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.batchSize = config.outbox().batchSize();
    }

    /** Publishes what is pending now; a call while a round runs schedules one more round. */
    public void wake() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        publishBatch().subscribe().with(published -> roundEnded(published), failure -> {
            LOG.warnf("Outbox relay round failed (%s); the rows stay pending", failure.getClass().getSimpleName());
            roundEnded(0);
        });
    }

    @Scheduled(every = "${interlock.people.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    private void roundEnded(int published) {
        running.set(false);
        if (again.getAndSet(false) || published == batchSize) {
            wake();
        }
    }

    private Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .onItem().transformToUni(locked -> locked ? publishPending(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery("""
                SELECT id, event_id, topic, record_key, type, subject, correlation_id, recorded_by, occurred_at, payload
                FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                })
                .onItem().transformToUni(this::sendInOrder)
                .call(sent -> markPublished(connection, sent))
                .map(List::size);
    }

    private Uni<List<Row>> sendInOrder(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Row>> sends = rows.stream()
                .map(row -> emitter.sendMessage(message(row)).replaceWith(row).onFailure().recoverWithNull())
                .toList();
        return Uni.join().all(sends).andCollectFailures().map(sent -> sent.stream().filter(Objects::nonNull).toList());
    }

    private static Uni<Void> markPublished(SqlConnection connection, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = rows.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
        return connection.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids)).replaceWithVoid();
    }

    private static Message<String> message(Row row) {
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic")).withKey(row.getString("record_key")).build();
        String payload = row.getString("payload");
        if (payload == null) {
            return Message.<String>of(null, Metadata.of(record));
        }
        String type = row.getString("type");
        OutgoingCloudEventMetadata<String> event = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("event_id").toString())
                .withType(type)
                .withSource(PersonIndex.SOURCE)
                .withSubject(row.getString("subject"))
                .withTimestamp(row.getOffsetDateTime("occurred_at").toZonedDateTime())
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:interlock:schema:" + type))
                .withExtension(CloudEventExtensions.CLASSIFICATION, Classification.OFFICIAL_SENSITIVE.label())
                .withExtension(CloudEventExtensions.CATEGORY, PersonIndex.CATEGORY)
                .withExtension(CloudEventExtensions.CORRELATION_ID, row.getString("correlation_id"))
                .withExtension(CloudEventExtensions.RECORDED_BY, row.getString("recorded_by"))
                .build();
        return Message.of(payload, Metadata.of(event, record));
    }
}
