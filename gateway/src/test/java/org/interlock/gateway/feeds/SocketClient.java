package org.interlock.gateway.feeds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A test subscriber on the WebSocket feed (the JDK's client): keeps what it receives, the close
 * code, or the HTTP status of a refused upgrade. A stalled one never asks for a message after
 * the first, so the JDK stops reading its socket and the server's writes back up.
 */
final class SocketClient extends Received implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    volatile int closeCode;
    /** The HTTP status when the upgrade was refused; 101 once open. */
    volatile int status;
    private volatile boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private SocketClient(boolean stalled) {
        this.stalled = stalled;
    }

    /** Connects with headers, as a command-line or server client does. */
    static SocketClient connect(String baseUrl, String token, String query, boolean stalled) {
        SocketClient client = new SocketClient(stalled);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5)).header("X-Purpose-Of-Use", "public-protection");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return client.open(builder, baseUrl, query);
    }

    /** Connects as a browser must: the token and the purpose as sub-protocols, no headers. */
    static SocketClient connectAsBrowser(String baseUrl, String token, String query) {
        SocketClient client = new SocketClient(false);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carried("Authorization", "Bearer " + token),
                        carried("X-Purpose-Of-Use", "public-protection"));
        return client.open(builder, baseUrl, query);
    }

    /** What a browser's {@code encodeURIComponent("quarkus-http-upgrade#" + name + "#" + value)} gives. */
    private static String carried(String name, String value) {
        return java.net.URLEncoder.encode("quarkus-http-upgrade#" + name + "#" + value, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private SocketClient open(WebSocket.Builder builder, String baseUrl, String query) {
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/feeds/v1/ws" + query);
        try {
            socket = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
            status = 101;
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException refused) {
                status = refused.getResponse().statusCode();
            }
            ended = true;
        }
        return this;
    }

    /** A stalled client starts reading again: everything the server still sends, up to its close. */
    void readOn() {
        stalled = false;
        socket.request(Long.MAX_VALUE);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    events.add(new Event(message.path("id").asText(null), message.path("event").asText(),
                            message.path("data")));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            if (!stalled) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            ended = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended = true;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
