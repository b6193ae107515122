package org.interlock.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Live feeds under load: N concurrent subscribers (SSE or WebSocket), each with its own filter
 * (ten people of its own), while 1,000 catalogue-valid release dates per second
 * ({@link BenchEvent}) are written to the agency topic. Prints the delivery latency (event time to
 * arrival at the subscriber) p50 / p99, what was delivered, and the CPU of the gateway, the broker
 * and the generator over the run. Arguments: gateway URL, Keycloak URL, Kafka bootstrap, seconds,
 * transport ({@code sse} or {@code ws}), subscribers, target p99 in ms ({@code -} for none).
 */
public final class FeedLoad {

    private static final int WARM_UP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_FEED_WARMUP",
            "20"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PEOPLE_EACH = 10;
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(90);
    /** Subscriptions answered other than 200, by status. */
    private static final Map<Integer, AtomicInteger> REFUSED = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = token(args[1]);
        String kafka = args[2];
        int seconds = Integer.parseInt(args[3]);
        String transport = args[4];
        int subscribers = Integer.parseInt(args[5]);
        String target = args[6];
        int rate = 1_000;

        List<String> people = new ArrayList<>();
        for (int i = 0; i < subscribers * PEOPLE_EACH; i++) {
            people.add("urn:interlock:person:" + UUID.randomUUID());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger connected = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int s = 0; s < subscribers; s++) {
            String query = "?persons=" + URLEncoder.encode(String.join(",",
                    people.subList(s * PEOPLE_EACH, (s + 1) * PEOPLE_EACH)), StandardCharsets.UTF_8);
            if (transport.equals("ws")) {
                sockets.add(listen(http, gateway.replaceFirst("^http", "ws") + "/feeds/v1/ws" + query, token,
                        latencies));
                connected.incrementAndGet();
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/feeds/v1/events" + query))
                    .header("Authorization", "Bearer " + token).header("X-Purpose-Of-Use", "public-protection")
                    .header("Accept", "text/event-stream").GET().build();
            readers.add(Thread.ofVirtual().start(() -> read(http, request, latencies, connected)));
        }
        long deadline = System.nanoTime() + CONNECT_WITHIN.toNanos();
        while (connected.get() < subscribers && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        if (connected.get() < subscribers) {
            throw new IllegalStateException(connected.get() + " of " + subscribers + " subscribers connected within "
                    + CONNECT_WITHIN.toSeconds() + " s; refused by status: " + REFUSED);
        }

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            // Unmeasured: the first seconds pay for JIT and connections. 5 s left the first phase (SSE,
            // 100 subscribers) on a cold gateway: p99 382 ms, against 106 ms for 1,000 subscribers after it.
            paced(producer, people, rate, WARM_UP_SECONDS);
        }
        TimeUnit.SECONDS.sleep(2); // the warm-up's last deliveries, not counted
        latencies.clear();
        CpuMeter cpu = new CpuMeter("gateway", "broker").start();
        try (Profiling profile = Profiling.phase("feeds-" + transport + "-" + subscribers, "gateway");
                KafkaProducer<String, String> producer = producer(kafka)) {
            paced(producer, people, rate, seconds);
            producer.flush();
            long drain = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (latencies.size() < rate * seconds && System.nanoTime() < drain) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        Map<String, Double> cores = cpu.stop();
        readers.forEach(Thread::interrupt);
        sockets.forEach(WebSocket::abort);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String name = String.format("feeds (%s), %,d subscribers, 1,000 events/s", transport, subscribers);
        System.out.printf("BENCH|%s, delivered|%d|of %d|all%n", name, sorted.size(), rate * seconds);
        System.out.printf("BENCH|%s, p50|%d|ms|-%n", name, percentile(sorted, 50));
        System.out.printf("BENCH|%s, p99|%d|ms|%s%n", name, percentile(sorted, 99), target);
        System.out.printf("BENCH|%s: CPU (cores) %s|cores|-%n", name, CpuMeter.describe(cores));
        System.exit(0);
    }

    private static void paced(KafkaProducer<String, String> producer, List<String> people, int rate, int seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send(producer, people.get(i % people.size()));
        }
    }

    private static void read(HttpClient http, HttpRequest request, ConcurrentLinkedQueue<Long> latencies,
            AtomicInteger connected) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                REFUSED.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                return;
            }
            connected.incrementAndGet();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        String time = JSON.readTree(line.substring(5)).path("time").asText(null);
                        if (time != null) {
                            latencies.add(System.currentTimeMillis() - Instant.parse(time).toEpochMilli());
                        }
                    }
                }
            }
        } catch (Exception e) {
            // interrupted at the end of the run
        }
    }

    /** A WebSocket subscriber: every message names its event; the agency events carry their time. */
    private static WebSocket listen(HttpClient http, String url, String token, ConcurrentLinkedQueue<Long> latencies)
            throws Exception {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    arrived(partial.toString(), latencies);
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .header("X-Purpose-Of-Use", "public-protection").buildAsync(URI.create(url), listener)
                .get(10, TimeUnit.SECONDS);
    }

    private static void arrived(String message, ConcurrentLinkedQueue<Long> latencies) {
        try {
            String time = JSON.readTree(message).path("data").path("time").asText(null);
            if (time != null) {
                latencies.add(System.currentTimeMillis() - Instant.parse(time).toEpochMilli());
            }
        } catch (Exception e) {
            // not an event: the end of a stream
        }
    }

    private static void send(KafkaProducer<String, String> producer, String person) {
        producer.send(BenchEvent.releaseDateSet(person).record());
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static String token(String keycloak) throws Exception {
        String form = "grant_type=password&client_id=interlock-cli&username=ana.analyst&password=ana.analyst";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/interlock/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
