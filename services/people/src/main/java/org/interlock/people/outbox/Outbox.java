package org.interlock.people.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.contracts.PersonIndex;

/**
 * Appends the index's events to its outbox inside the caller's transaction (ADR 0003): the event on
 * {@code interlock.people.events} keyed by its subject, and for each reference whose resolution it
 * changes, the same CloudEvent (same id) on the compacted {@code interlock.people.links} keyed by the
 * reference, or a tombstone when the reference resolves to itself again.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, event_id, topic, record_key, type, subject, correlation_id, recorded_by,
                                occurred_at, payload)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param links each reference and whether it now resolves elsewhere (true: the event on the links
     *              topic) or to itself (false: a tombstone)
     */
    public Uni<Void> append(SqlConnection connection, String type, String subject, Object data, String recordedBy,
            Map<String, Boolean> links) {
        UUID eventId = UUID.randomUUID();
        String payload = serialise(data);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String correlation = UUID.randomUUID().toString();
        List<Tuple> rows = new ArrayList<>();
        rows.add(row(eventId, PersonIndex.EVENTS_TOPIC, subject, type, subject, correlation, recordedBy, now, payload));
        links.forEach((reference, resolvesElsewhere) -> rows.add(row(eventId, PersonIndex.LINKS_TOPIC, reference, type,
                subject, correlation, recordedBy, now, resolvesElsewhere ? payload : null)));
        return connection.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    private static Tuple row(UUID eventId, String topic, String key, String type, String subject, String correlation,
            String recordedBy, OffsetDateTime at, String payload) {
        return Tuple.from(new Object[] {UUID.randomUUID(), eventId, topic, key, type, subject, correlation, recordedBy,
                at, payload});
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + data.getClass().getName(), e);
        }
    }
}
