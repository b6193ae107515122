package org.interlock.gateway.feeds;

import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * A feed as WebSocket text messages, each a JSON object with the fields an SSE event has:
 * {@code {"event":"interlock-event","id":"<position>","data":{...}}}, and last
 * {@code {"event":"overflow","data":{"reason":..,"detail":..,"resume":..}}} before the close.
 *
 * <p>A client that stops reading shows as writes that do not complete: once {@link #WINDOW}
 * messages are handed to the socket and not yet written out, the sink is not ready, the
 * subscriber's buffer fills, and the stream ends as it would on SSE.
 */
final class SocketSink implements FeedSink {

    /** Messages handed to the socket and not yet written out, beyond which the client is not reading. */
    static final int WINDOW = 32;

    private final WebSocketConnection connection;
    private final AtomicInteger unwritten = new AtomicInteger();
    private volatile Runnable wake = () -> { };
    private Runnable gone = () -> { };
    private boolean isClosed;

    SocketSink(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public boolean ready() {
        return unwritten.get() < WINDOW;
    }

    @Override
    public void onReady(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public synchronized void onClosed(Runnable gone) {
        this.gone = gone;
        if (isClosed) {
            gone.run(); // closed before the subscriber started listening
        }
    }

    /** The socket closed, from either side. */
    synchronized void closed() {
        isClosed = true;
        gone.run();
    }

    @Override
    public void event(String id, String data) {
        send("{\"event\":\"" + SseSink.EVENT + "\",\"id\":\"" + id + "\",\"data\":" + data + "}");
    }

    @Override
    public void end(String reason, String notice) {
        send("{\"event\":\"" + reason + "\",\"data\":" + notice + "}");
        connection.close(new CloseReason(closeCode(reason), reason)).subscribe().with(done -> { }, failed -> { });
    }

    /**
     * The close code of each ending: 1008 (policy violation) as Quarkus itself uses for an expired
     * identity, 1013 (try again later) for a reader too slow, 4410 (gone, private use) for a resume
     * point no longer held, 1011 for a failure of ours.
     */
    static int closeCode(String reason) {
        return switch (reason) {
            case "token-expired" -> 1008;
            case "overflow" -> 1013;
            case "gone" -> 4410;
            default -> 1011;
        };
    }

    private void send(String text) {
        unwritten.incrementAndGet();
        connection.sendText(text).subscribe().with(done -> written(), failed -> written());
    }

    private void written() {
        unwritten.decrementAndGet();
        wake.run();
    }
}
