package org.interlock.partners.received;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;

/**
 * When a consent ends, the gateway tells each organisation that received data under it to erase
 * that data. The inbox records the notice once by ce_id, so a redelivered notice erases and
 * confirms nothing more.
 */
@ApplicationScoped
public class ErasureReaction implements InboxHandler {

    private final ErasureService erasure;

    public ErasureReaction(ErasureService erasure) {
        this.erasure = erasure;
    }

    @Override
    public boolean handles(String type) {
        return ErasureNotice.TYPE.equals(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        return erasure.erase(ErasureNotice.of(event)).replaceWithVoid();
    }
}
