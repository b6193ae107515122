package org.interlock.gateway.feeds;

import java.util.function.BooleanSupplier;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * A feed as Server-Sent Events. The HTTP layer asks for one event per completed write, so
 * outstanding demand says the client is reading; a full write queue says it stopped.
 */
final class SseSink implements FeedSink {

    static final String EVENT = "interlock-event";

    private final MultiEmitter<? super OutboundSseEvent> emitter;
    private final Sse sse;
    private final BooleanSupplier congested;

    /** @param congested true while the connection's write queue is full */
    SseSink(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, BooleanSupplier congested) {
        this.emitter = emitter;
        this.sse = sse;
        this.congested = congested;
    }

    @Override
    public boolean ready() {
        return emitter.requested() > 0 && !congested.getAsBoolean();
    }

    @Override
    public void onReady(Runnable wake) {
        emitter.onRequest(n -> wake.run());
    }

    @Override
    public void onClosed(Runnable gone) {
        emitter.onTermination(gone);
    }

    @Override
    public void event(String id, String data) {
        emitter.emit(sse.newEventBuilder().id(id).name(EVENT).data(data).build());
    }

    @Override
    public void end(String reason, String notice) {
        emitter.emit(sse.newEventBuilder().name(reason).data(notice).build());
        emitter.complete();
    }
}
