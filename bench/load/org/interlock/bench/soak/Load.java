package org.interlock.bench.soak;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steady mixed load, loopback only and bounded: olivia.prison receives people into custody
 * through the gateway at a paced rate (every fourth also gets a release date, a second event for
 * the same person), reads episodes back, and ana.analyst follows {@code custody.*} on the SSE feed,
 * reconnecting (from the last position) whenever the stream ends. The exchange routes every event
 * to the inboxes meanwhile. Every write's outcome is kept for the checks afterwards.
 */
final class Load {

    /** One REST write: what it was, and what the gateway answered (status 0: no answer). */
    record Write(String kind, String person, String episode, int status, long atMillis) {
        boolean committed() {
            return status >= 200 && status < 300;
        }
    }

    /** Requests sent and failed per kind, for the per-fault counts. */
    static final class Counts {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        long[] snapshot() {
            return new long[] {sent.get(), failed.get()};
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    final Map<String, Counts> counts = Map.of("write", new Counts(), "read", new Counts(), "feed", new Counts());
    final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    final AtomicLong feedEvents = new AtomicLong();
    final AtomicLong feedReconnects = new AtomicLong();
    final AtomicLong feedGone = new AtomicLong();
    /** When the last write succeeded, for "load recovered" after a fault. */
    final AtomicLong lastWriteOkMillis = new AtomicLong();

    private final String gateway;
    private final Persona olivia;
    private final Persona analyst;
    private final int writesPerSecond;
    private final int readsPerSecond;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(24);
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final List<String> episodes = new ArrayList<>();
    private final Random random;
    private volatile boolean running = true;
    private volatile InputStream feedStream;
    private final List<Thread> threads = new ArrayList<>();

    Load(String gateway, Persona olivia, Persona analyst, int writesPerSecond, int readsPerSecond, long seed) {
        this.gateway = gateway;
        this.olivia = olivia;
        this.analyst = analyst;
        this.writesPerSecond = writesPerSecond;
        this.readsPerSecond = readsPerSecond;
        this.random = new Random(seed);
    }

    void start() {
        threads.add(Thread.ofPlatform().name("soak-writes").start(() -> paced("write", writesPerSecond, this::write)));
        threads.add(Thread.ofPlatform().name("soak-reads").start(() -> paced("read", readsPerSecond, this::read)));
        threads.add(Thread.ofPlatform().daemon().name("soak-feed").start(this::follow));
    }

    /** Stops sending, waits for the requests in flight (bounded by their timeout). */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            if (!t.isDaemon()) {
                t.join(30_000);
            }
        }
        clients.shutdown();
        clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
        InputStream stream = feedStream;
        if (stream != null) {
            try {
                stream.close();
            } catch (java.io.IOException e) {
                // closing anyway
            }
        }
    }

    private void paced(String kind, int perSecond, Runnable request) {
        long start = System.nanoTime();
        for (long i = 0; running; i++) {
            long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
            if (wait > 0) {
                Persona.pause(Duration.ofNanos(wait));
            }
            if (!inFlight.tryAcquire()) {
                // The gateway is not answering: the request is not sent, and counts as failed.
                counts.get(kind).sent.incrementAndGet();
                counts.get(kind).failed.incrementAndGet();
                continue;
            }
            clients.execute(() -> {
                try {
                    request.run();
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void write() {
        String person = "urn:interlock:person:" + UUID.randomUUID();
        String body = """
                {"person":"%s","prisonNumber":"A%04dBC","establishment":"HMP Frankland","securityCategory":"B",\
                "receivedOn":"%s"}""".formatted(person, Math.abs(person.hashCode() % 10_000), LocalDate.now());
        long at = System.currentTimeMillis();
        Answer answer = send("write", request("/api/v1/prisons/custody-episodes", olivia)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        String episode = answer.body() == null ? null : answer.body().path("id").asText(null);
        writes.add(new Write("receive", person, episode, answer.status(), at));
        if (answer.status() != 201 || episode == null) {
            return;
        }
        lastWriteOkMillis.set(System.currentTimeMillis());
        synchronized (episodes) {
            episodes.add(episode);
        }
        if (Math.abs(person.hashCode()) % 4 == 0) {
            long setAt = System.currentTimeMillis();
            Answer set = send("write", request("/api/v1/prisons/custody-episodes/" + episode + "/release-date", olivia)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"releaseDate\":\"" + LocalDate.now().plusDays(30) + "\"}")));
            writes.add(new Write("release-date", person, episode, set.status(), setAt));
        }
    }

    private void read() {
        String episode;
        synchronized (episodes) {
            if (episodes.isEmpty()) {
                return;
            }
            episode = episodes.get(episodes.size() - 1 - random.nextInt(Math.min(episodes.size(), 500)));
        }
        send("read", request("/api/v1/prisons/custody-episodes/" + episode, olivia).GET());
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer send(String kind, HttpRequest.Builder request) {
        return send(kind, request, olivia);
    }

    private Answer send(String kind, HttpRequest.Builder request, Persona persona) {
        Counts c = counts.get(kind);
        c.sent.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                c.failed.incrementAndGet();
            }
            if (response.statusCode() == 401) {
                persona.refused();
            }
            JsonNode body = response.body().isBlank() || !response.body().startsWith("{") ? null
                    : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (java.io.IOException e) {
            c.failed.incrementAndGet();
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.failed.incrementAndGet();
            return new Answer(0, null);
        }
    }

    private HttpRequest.Builder request(String path, Persona persona) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + persona.token()).header("X-Purpose-Of-Use", "case-management");
    }

    /** One analyst on the SSE feed; a stream that ends is opened again from its last position. */
    private void follow() {
        String last = null;
        Counts c = counts.get("feed");
        while (running) {
            c.sent.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/feeds/v1/events?categories=custody.*"))
                    .header("Authorization", "Bearer " + analyst.token()).header("X-Purpose-Of-Use", "public-protection")
                    .header("Accept", "text/event-stream");
            if (last != null) {
                request.header("Last-Event-ID", last);
            }
            try {
                HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() == 410) {
                    feedGone.incrementAndGet();
                    last = null;
                }
                if (response.statusCode() == 401) {
                    analyst.refused();
                }
                if (response.statusCode() != 200) {
                    c.failed.incrementAndGet();
                    response.body().close();
                } else {
                    feedStream = response.body();
                    last = readEvents(response.body(), last);
                }
            } catch (java.io.IOException e) {
                c.failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                feedReconnects.incrementAndGet();
                Persona.pause(Duration.ofSeconds(1));
            }
        }
    }

    private String readEvents(InputStream stream, String last) throws java.io.IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while (running && (line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    event = null;
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    last = line.substring(3).trim();
                } else if (line.startsWith("data:") && (event == null || "interlock-event".equals(event))) {
                    feedEvents.incrementAndGet();
                }
            }
        } catch (java.io.IOException e) {
            // the stream broke (the gateway was killed): reconnect from the last position
        }
        return last;
    }
}
