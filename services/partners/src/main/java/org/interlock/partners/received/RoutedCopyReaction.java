package org.interlock.partners.received;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;
import org.interlock.contracts.EventType;

/**
 * Every agency event reaching the partners inbox is a copy the gateway routed to one partner
 * organisation: it is kept for that organisation's staff. The inbox records it once by ce_id,
 * so a redelivered copy is stored once.
 */
@ApplicationScoped
public class RoutedCopyReaction implements InboxHandler {

    private final ReceivedEventService received;

    public RoutedCopyReaction(ReceivedEventService received) {
        this.received = received;
    }

    @Override
    public boolean handles(String type) {
        return EventType.isWellFormed(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        return received.store(RoutedCopy.of(event));
    }
}
