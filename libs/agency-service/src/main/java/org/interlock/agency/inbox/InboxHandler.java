package org.interlock.agency.inbox;

import io.smallrye.mutiny.Uni;

/**
 * How a service reacts to an inbox event, inside the transaction that records it as received:
 * the reaction and the de-duplication commit together. Throw {@link UnprocessableEvent} for
 * content that can never be processed.
 */
public interface InboxHandler {

    boolean handles(String type);

    Uni<Void> handle(InboxEvent event);
}
