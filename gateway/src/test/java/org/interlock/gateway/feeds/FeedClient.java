package org.interlock.gateway.feeds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A test subscriber: reads a feed's Server-Sent Events on a thread of its own and keeps them. */
public final class FeedClient extends Received implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The HTTP status of the answer, once it came; 0 until then. */
    public volatile int status;
    private final Thread reader;
    private volatile Stream<String> lines;

    private FeedClient(HttpRequest request) {
        reader = Thread.ofPlatform().daemon().start(() -> read(request));
    }

    static FeedClient subscribe(String baseUrl, String token, String query, String lastEventId) {
        return subscribe(baseUrl, token, "public-protection", query, lastEventId);
    }

    public static FeedClient subscribe(String baseUrl, String token, String purpose, String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/feeds/v1/events" + query))
                .header("Authorization", "Bearer " + token)
                .header("X-Purpose-Of-Use", purpose)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new FeedClient(request.GET().build());
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            lines = response.body();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception e) {
            // closed by the test, or by the server
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
