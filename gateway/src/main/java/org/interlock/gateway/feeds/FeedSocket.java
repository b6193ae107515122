package org.interlock.gateway.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.interlock.platform.problem.ProblemException;

/**
 * Live feeds for analysts as a WebSocket: {@code /feeds/v1/ws}, the same feed as
 * {@link FeedResource} with the same purpose header, filters and roles, checked before the
 * upgrade by {@link FeedUpgrade} (so a refusal is an HTTP problem, never an open socket);
 * {@code ?resume=} continues from a position. Browsers, which cannot set headers on a WebSocket,
 * pass the token and the purpose as sub-protocols (see the README).
 */
@WebSocket(path = FeedSocket.PATH, endpointId = FeedSocket.ID)
@Authenticated
public class FeedSocket {

    static final String PATH = "/feeds/v1/ws";
    static final String ID = "interlock-feed";
    static final UserData.TypedKey<FeedSubscriber.Subscription> SUBSCRIPTION =
            new UserData.TypedKey<>("interlock.feed.subscription");
    private static final UserData.TypedKey<SocketSink> SINK = new UserData.TypedKey<>("interlock.feed.sink");

    private final FeedSubscriptions subscriptions;
    private final ObjectMapper json;

    public FeedSocket(FeedSubscriptions subscriptions, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        SocketSink sink = new SocketSink(connection);
        connection.userData().put(SINK, sink);
        FeedSubscriber.Subscription subscription = connection.userData().get(SUBSCRIPTION);
        try {
            subscriptions.open(subscription).start(sink);
        } catch (ProblemException e) {
            // The resume point was held at the upgrade and left retention since: say so, as the upgrade would have.
            sink.end("gone", json.createObjectNode().put("reason", "gone").put("detail", e.problem().detail())
                    .toString());
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        SocketSink sink = connection.userData().get(SINK);
        if (sink != null) {
            sink.closed();
        }
    }
}
