package org.interlock.people.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.interlock.contracts.PersonReference;
import org.interlock.people.identifier.Identifier;
import org.interlock.people.identifier.IdentifierType;
import org.interlock.people.identity.IdentityService;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.outbox.OutboxRelay;
import org.jboss.logging.Logger;

/**
 * Identities from the prisons' own events: a reception ({@code custody.received}) says which person
 * reference holds which prison number. Read from the prisons' events topic, not routed by the exchange:
 * the index discloses nothing itself (ADR 0014). Each event is asserted once, by {@code system:people}, in
 * the transaction that records it as consumed; an event that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class PrisonReceptions {

    static final String RECEIVED = "org.interlock.prisons.custody.received.v1";
    private static final Logger LOG = Logger.getLogger(PrisonReceptions.class);

    private final Pool pool;
    private final IdentityService identities;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    public PrisonReceptions(Pool pool, IdentityService identities, OutboxRelay relay, ObjectMapper json) {
        this.pool = pool;
        this.identities = identities;
        this.relay = relay;
        this.json = json;
    }

    @Incoming("prisons-events")
    public Uni<Void> receive(Message<String> message) {
        Optional<IncomingCloudEventMetadata> event = message.getMetadata(IncomingCloudEventMetadata.class);
        if (event.isEmpty() || !RECEIVED.equals(event.get().getType()) || message.getPayload() == null) {
            return Uni.createFrom().completionStage(message.ack());
        }
        IdentityRecord record;
        try {
            record = reception(message.getPayload());
        } catch (IllegalArgumentException | JsonProcessingException e) {
            LOG.warnf("Reception %s cannot be read (%s): dead-lettered", event.get().getId(), e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        String id = event.get().getId();
        return pool.withTransaction(c -> firstTime(c, id)
                        .chain(fresh -> fresh ? identities.assertIdentity(c, record, "system:people").replaceWithVoid()
                                : Uni.createFrom().voidItem()))
                .invoke(relay::wake)
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private IdentityRecord reception(String payload) throws JsonProcessingException {
        JsonNode data = json.readTree(payload);
        String person = data.path("person").asText();
        if (!PersonReference.isValid(person)) {
            throw new IllegalArgumentException("no person reference");
        }
        Identifier prisonNumber = Identifier.of(IdentifierType.PRISON_NUMBER, data.path("prisonNumber").asText());
        return new IdentityRecord(UUID.randomUUID().toString(), person, "prisons", List.of(prisonNumber), null, List.of(),
                null);
    }

    private static Uni<Boolean> firstTime(SqlConnection c, String eventId) {
        return c.preparedQuery("INSERT INTO consumed_event (id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(eventId)).map(rows -> rows.rowCount() == 1);
    }
}
