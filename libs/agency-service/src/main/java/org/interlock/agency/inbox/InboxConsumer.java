package org.interlock.agency.inbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes this agency's inbox. Each event is recorded once (its id is the key) in the same
 * transaction as the reaction it causes, so a redelivered event changes nothing. An event that
 * can never be processed goes to the dead-letter topic with its reason and the next one is
 * processed; a failing database is waited out instead, so nothing is lost and order is kept.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final ObjectMapper json;
    private final Instance<InboxHandler> handlers;

    public InboxConsumer(ObjectMapper json, Instance<InboxHandler> handlers) {
        this.json = json;
        this.handlers = handlers;
    }

    @Incoming("inbox")
    public Uni<Void> receive(Message<String> message) {
        return Uni.createFrom().item(() -> InboxEnvelope.open(message, json))
                .onItem().transformToUni(this::recordOnce)
                .onFailure(failure -> !(failure instanceof UnprocessableEvent))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .onItem().transformToUni(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(UnprocessableEvent.class).recoverWithUni(reason -> deadLetter(message, reason));
    }

    private Uni<Void> recordOnce(InboxEvent event) {
        return Panache.withTransaction(() -> insertIfNew(event)
                .onItem().transformToUni(fresh -> fresh ? react(event) : Uni.createFrom().voidItem()));
    }

    private static Uni<Boolean> insertIfNew(InboxEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO inbox_event (id, type, source, subject, category, classification, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .setParameter(4, event.subject())
                .setParameter(5, event.category())
                .setParameter(6, event.classification())
                .setParameter(7, event.rawData())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> react(InboxEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (InboxHandler handler : handlers) {
            if (handler.handles(event.type())) {
                chain = chain.chain(() -> handler.handle(event));
            }
        }
        return chain;
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.warnf("Inbox event sent to the dead-letter topic: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
