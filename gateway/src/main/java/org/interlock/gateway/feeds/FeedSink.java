package org.interlock.gateway.feeds;

/**
 * Where one subscriber's stream goes: a Server-Sent Events response or a WebSocket. The
 * subscriber calls it from its own thread only; the transport tells it when the client can take
 * more and when it went away.
 */
interface FeedSink {

    /** Whether the client can take one more event now; false while it is not reading. */
    boolean ready();

    /** Runs {@code wake} whenever the sink may have become ready, so the pusher need not poll for it. */
    void onReady(Runnable wake);

    /** Runs {@code gone} once the client has gone away. */
    void onClosed(Runnable gone);

    /** One event: {@code id} is the position after it, {@code data} the event as the subscriber may see it (JSON). */
    void event(String id, String data);

    /**
     * The last message, then the end of the stream: {@code reason} names why (overflow,
     * token-expired, gone, error), {@code notice} says so in JSON with the position to resume from.
     */
    void end(String reason, String notice);
}
