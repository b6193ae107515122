package org.interlock.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Load on one agency service (prisons): its sustained REST writes per second, and the outbox
 * publish lag — from the event's time (set at commit) to its arrival on the events topic — at a
 * paced 1,000 writes/s. Prints BENCH lines for bench/run.
 *
 * <p>Arguments: service URL, Keycloak URL, Kafka bootstrap servers, seconds per phase.
 */
public final class OutboxLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final String token;
    private final BenchActor actor = new BenchActor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private OutboxLoad(String service, String token) {
        this.service = service;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String keycloak = args[1];
        String kafka = args[2];
        int seconds = Integer.parseInt(args[3]);
        OutboxLoad load = new OutboxLoad(service, gatewayToken(keycloak));

        double sustained = load.sustainedWritesPerSecond(Duration.ofSeconds(seconds), 16);
        System.out.printf("BENCH|prisons service sustained writes (16 clients)|%.0f|writes/s|-%n", sustained);

        LagProbe probe = new LagProbe(kafka);
        for (int rate : new int[] {1_000, 200}) {
            String marker = "lag" + UUID.randomUUID().toString().substring(0, 8);
            long sent = load.paced(rate, Duration.ofSeconds(seconds), marker);
            List<Long> lags = probe.awaitLags(marker, sent, Duration.ofSeconds(60));
            Collections.sort(lags);
            System.out.printf("BENCH|outbox publish lag at %,d writes/s offered, p50|%d|ms|-%n", rate, percentile(lags, 50));
            System.out.printf("BENCH|outbox publish lag at %,d writes/s offered, p99|%d|ms|-%n", rate, percentile(lags, 99));
            System.out.printf("BENCH|writes accepted / events seen at %,d writes/s offered|%d/%d|count|equal%n",
                    rate, sent, lags.size());
        }
        probe.close();
        System.exit(0);
    }

    private double sustainedWritesPerSecond(Duration length, int clients) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        String person = "urn:interlock:person:" + UUID.randomUUID();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    if (allocate(person, "warm") == 201) {
                        ok.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(3_000);
        long start = ok.get();
        long begin = System.nanoTime();
        Thread.sleep(length.toMillis());
        double rate = (ok.get() - start) / ((System.nanoTime() - begin) / 1e9);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return rate;
    }

    /**
     * Open loop: one write every 1/rate seconds, whatever the answers' latency, with at most 512
     * writes outstanding; a write that would exceed that is counted as not sent (the service is
     * saturated) instead of piling up without bound.
     */
    private long paced(int perSecond, Duration length, String marker) throws InterruptedException {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        java.util.concurrent.Semaphore outstanding = new java.util.concurrent.Semaphore(512);
        AtomicLong created = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        long intervalNanos = 1_000_000_000L / perSecond;
        long total = length.toSeconds() * perSecond;
        long begin = System.nanoTime();
        String person = "urn:interlock:person:" + UUID.randomUUID();
        for (long i = 0; i < total; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!outstanding.tryAcquire()) {
                shed.incrementAndGet();
                continue;
            }
            pool.submit(() -> {
                try {
                    if (allocate(person, marker) == 201) {
                        created.incrementAndGet();
                    }
                } finally {
                    outstanding.release();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        System.out.printf("BENCH|writes not offered at %,d/s (512 already outstanding)|%d|count|0%n", perSecond, shed.get());
        return created.get();
    }

    private int allocate(String person, String staff) {
        String body = "{\"person\":\"" + person + "\",\"staff\":\"" + staff
                + "\",\"role\":\"OFFENDER_MANAGER\",\"startsOn\":\"2026-01-05\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/api/v1/allocations"))
                .header("Authorization", "Bearer " + token)
                .header("X-Interlock-Actor", actor.current())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String gatewayToken(String keycloak) throws Exception {
        String form = "grant_type=client_credentials&client_id=interlock-gateway&client_secret="
                + URLEncoder.encode(System.getenv().getOrDefault("INTERLOCK_GATEWAY_SECRET", "dev-gateway-secret"),
                        StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/interlock/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No gateway token: HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Reads the events topic from its end and measures arrival minus event time for marked events. */
    private static final class LagProbe implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final ConcurrentHashMap<String, List<Long>> lags = new ConcurrentHashMap<>();
        private final Thread poller;
        private volatile boolean open = true;

        LagProbe(String bootstrap) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of("interlock.prisons.events"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            poller = new Thread(this::poll, "lag-probe");
            poller.start();
        }

        private void poll() {
            while (open) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                    long now = System.currentTimeMillis();
                    Header time = record.headers().lastHeader("ce_time");
                    if (time == null || record.value() == null) {
                        return;
                    }
                    try {
                        String staff = JSON.readTree(record.value()).path("staff").asText();
                        long occurred = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8))
                                .toInstant().toEpochMilli();
                        lags.computeIfAbsent(staff, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(now - occurred);
                    } catch (Exception e) {
                        // not a record of this benchmark
                    }
                });
            }
            consumer.close();
        }

        List<Long> awaitLags(String marker, long expected, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && lags.getOrDefault(marker, List.of()).size() < expected) {
                Thread.sleep(200);
            }
            return new ArrayList<>(lags.getOrDefault(marker, List.of()));
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            poller.join(5_000);
        }
    }

    /**
     * Who acts on the benchmark's writes, as the gateway asserts it (X-Interlock-Actor): signed with
     * the stack's actor key (INTERLOCK_STACK_DIR/actor-signing-key, made by the stack) in the form
     * libs/platform's ActorAssertion verifies, renewed well within its minute. Inline here because
     * the load generator runs on the local stack's classpath, which has no libs/platform.
     */
    private static final class BenchActor {

        private final java.security.PrivateKey key;
        private volatile String header;
        private volatile long renewAt;

        BenchActor() {
            try {
                java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("INTERLOCK_STACK_DIR",
                        ".interlock/stack"), "actor-signing-key");
                key = java.security.KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                        java.util.Base64.getDecoder().decode(java.nio.file.Files.readString(file).trim())));
            } catch (Exception e) {
                throw new IllegalStateException("No actor signing key in the stack's data directory", e);
            }
        }

        synchronized String current() {
            long now = Instant.now().getEpochSecond();
            if (header == null || now >= renewAt) {
                header = sign(now);
                renewAt = now + 30;
            }
            return header;
        }

        private String sign(long now) {
            try {
                java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
                claims.put("sub", "bench.load");
                claims.put("agency", "prisons");
                claims.put("org", null);
                claims.put("roles", List.of("team-manager"));
                claims.put("client", "interlock-bench");
                claims.put("iat", now);
                claims.put("exp", now + 60);
                claims.put("jti", UUID.randomUUID().toString());
                java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
                String input = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"interlock-actor+jwt\"}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
                java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
                ed25519.initSign(key);
                ed25519.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + b64.encodeToString(ed25519.sign());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign the bench's actor assertion", e);
            }
        }
    }
}
