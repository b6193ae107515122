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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Live feeds under load: 100 concurrent subscribers (SSE or WebSocket), each with its own filter
 * (ten people of its own), while 1,000 events/s are written to the agency topic. Prints the
 * delivery latency (event time to arrival at the subscriber) p50 / p99 and the gateway's CPU
 * over the run. Arguments: gateway URL, Keycloak URL, Kafka bootstrap, gateway pid, seconds,
 * transport ({@code sse} or {@code ws}).
 */
public final class FeedLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBSCRIBERS = 100;
    private static final int PEOPLE_EACH = 10;

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = token(args[1]);
        String kafka = args[2];
        long pid = Long.parseLong(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String transport = args.length > 5 ? args[5] : "sse";
        int rate = 1_000;

        List<String> people = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS * PEOPLE_EACH; i++) {
            people.add("urn:interlock:person:" + UUID.randomUUID());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            String query = "?persons=" + URLEncoder.encode(String.join(",",
                    people.subList(s * PEOPLE_EACH, (s + 1) * PEOPLE_EACH)), StandardCharsets.UTF_8);
            if (transport.equals("ws")) {
                sockets.add(listen(http, gateway.replaceFirst("^http", "ws") + "/feeds/v1/ws" + query, token,
                        latencies));
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/feeds/v1/events" + query))
                    .header("Authorization", "Bearer " + token).header("X-Purpose-Of-Use", "public-protection")
                    .header("Accept", "text/event-stream").GET().build();
            readers.add(Thread.ofVirtual().start(() -> read(http, request, latencies)));
        }
        Thread.sleep(5_000); // every subscriber connected

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            paced(producer, people, rate, 5); // warm-up: the first seconds pay for JIT and connections
            Thread.sleep(2_000);
            latencies.clear();
        }
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            paced(producer, people, rate, seconds);
        }
        Thread.sleep(3_000); // the last ones delivered
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuTicks(pid) - cpuBefore) / 100.0 / elapsed * 100;
        readers.forEach(Thread::interrupt);
        sockets.forEach(WebSocket::abort);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String name = "feeds (" + transport + ")";
        System.out.printf("BENCH|%s: 100 subscribers, 1,000 events/s, delivered|%d|of %d|-%n", name, sorted.size(),
                rate * seconds);
        System.out.printf("BENCH|%s: delivery latency p50|%d|ms|-%n", name, percentile(sorted, 50));
        System.out.printf("BENCH|%s: delivery latency p99|%d|ms|<= 100%n", name, percentile(sorted, 99));
        System.out.printf("BENCH|%s: gateway CPU|%.0f|%% of one core|-%n", name, cpu);
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

    private static void read(HttpClient http, HttpRequest request, ConcurrentLinkedQueue<Long> latencies) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
        ProducerRecord<String, String> record = new ProducerRecord<>("interlock.prisons.events", person, """
                {"id":"%s","person":"%s","status":"IN_CUSTODY","releaseDate":"2026-12-01"}"""
                .formatted(UUID.randomUUID(), person));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "org.interlock.prisons.custody.release-date-set.v1");
        header(record, "ce_source", "/agencies/prisons");
        header(record, "ce_subject", person);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_category", "custody.release");
        header(record, "ce_classification", "official-sensitive");
        header(record, "content-type", "application/json");
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
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
