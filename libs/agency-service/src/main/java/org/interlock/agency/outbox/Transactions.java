package org.interlock.agency.outbox;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs a state change and the events it appends in one database transaction, then wakes the
 * relay so that the events leave soon after the commit instead of at the next poll.
 */
@ApplicationScoped
public class Transactions {

    private final OutboxRelay relay;

    public Transactions(OutboxRelay relay) {
        this.relay = relay;
    }

    public <T> Uni<T> commit(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(relay::wake);
    }
}
