package org.interlock.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One agency service (prisons) under write load, called as the gateway calls it (its service
 * token, a signed X-Interlock-Actor): allocations, each a row and its outbox row in one
 * transaction, published to interlock.prisons.events by the outbox relay.
 * <ol>
 *   <li>closed loop, BENCH_OUTBOX_CLIENTS (64) concurrent clients on kept-alive HTTP/1.1
 *       connections: sustained writes/s, answer p50 / p99, and the CPU of the service, PostgreSQL,
 *       the broker and the generator itself (which shows the generator is not what limits it);</li>
 *   <li>open loop at 2,000 writes/s (the target) and at 200: writes answered, answer p99, and the
 *       outbox publish lag — event time (set at the write) to arrival on the topic — p50 / p99.</li>
 * </ol>
 * Arguments: service URL, Keycloak URL, Kafka bootstrap servers, seconds per phase.
 */
public final class OutboxLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Unmeasured writes before the closed loop, its first phase: 5 s left it on a cold service (JIT
     * compiling), 1.8 ms of its CPU per write against 0.7 ms in the open loop after it.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("BENCH_OUTBOX_WARMUP", "20")));

    private final URI service;
    private final String token;
    private final BenchActor actor = new BenchActor();

    private OutboxLoad(URI service, String token) {
        this.service = service;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        URI service = URI.create(args[0]);
        String keycloak = args[1];
        String kafka = args[2];
        Duration length = Duration.ofSeconds(Integer.parseInt(args[3]));
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_OUTBOX_CLIENTS", "64"));
        OutboxLoad load = new OutboxLoad(service, Keycloak.gatewayService(keycloak));
        System.out.printf("SETTING|outbox: POST /api/v1/allocations to the prisons service (a new person each, the"
                + " gateway's service token and a signed actor), HTTP/1.1 keep-alive, one connection per client;"
                + " %d clients in the closed loop, %d s warm-up, %d s measured; open loop with %d connections%n",
                clients, WARM_UP.toSeconds(), length.toSeconds(), clients);

        CpuMeter cpu = new CpuMeter("prisons", "postgres", "broker").start();
        LoadPhase.Result sustained;
        try (Profiling profile = Profiling.phase("outbox-sustained", "prisons")) {
            sustained = LoadPhase.closed(service, clients, WARM_UP, length, (c, i, due) -> load.allocate(c, "warm"));
        }
        String name = String.format("prisons service writes with its outbox, %d clients", clients);
        System.out.printf("BENCH|%s|%.0f|writes/s|≥ 2000%n", name, sustained.perSecond());
        System.out.printf("BENCH|%s, answer p50|%.1f|ms|-%n", name, sustained.latencies().percentileMillis(50));
        System.out.printf("BENCH|%s, answer p99|%.1f|ms|-%n", name, sustained.latencies().percentileMillis(99));
        refused(name, sustained);
        System.out.printf("BENCH|%s: CPU (cores) %s|cores|-%n", name, CpuMeter.describe(cpu.stop()));

        try (LagProbe probe = new LagProbe(kafka)) {
            for (int rate : new int[] {2_000, 200}) {
                String marker = "lag" + UUID.randomUUID().toString().substring(0, 8);
                CpuMeter pacedCpu = new CpuMeter("prisons", "postgres", "broker").start();
                LoadPhase.Result paced;
                try (Profiling profile = Profiling.phase("outbox-" + rate, "prisons")) {
                    paced = LoadPhase.open(service, clients, rate, length, (c, i, due) -> load.allocate(c, marker));
                }
                List<Long> lags = probe.awaitLags(marker, paced.ok(), Duration.ofSeconds(60));
                Latencies lag = new Latencies();
                lags.forEach(lag::addMillis);
                String at = String.format("at %,d writes/s offered", rate);
                System.out.printf("BENCH|prisons writes answered %s|%.0f|writes/s|%s%n", at, paced.perSecond(),
                        rate == 2_000 ? "≥ 2000" : "-");
                System.out.printf("BENCH|prisons write answer %s, p99|%.1f|ms|-%n", at,
                        paced.latencies().percentileMillis(99));
                System.out.printf("BENCH|outbox publish lag %s, p50|%.0f|ms|-%n", at, lag.percentileMillis(50));
                System.out.printf("BENCH|outbox publish lag %s, p99|%.0f|ms|-%n", at, lag.percentileMillis(99));
                System.out.printf("BENCH|writes accepted / events published %s|%d/%d|count|equal%n", at, paced.ok(),
                        lags.size());
                refused("prisons writes " + at, paced);
                System.out.printf("BENCH|prisons writes %s: CPU (cores) %s|cores|-%n", at,
                        CpuMeter.describe(pacedCpu.stop()));
            }
        }
        System.exit(0);
    }

    private int allocate(KeepAliveConnection connection, String staff) throws java.io.IOException {
        String body = "{\"person\":\"urn:interlock:person:" + UUID.randomUUID() + "\",\"staff\":\"" + staff
                + "\",\"role\":\"OFFENDER_MANAGER\",\"startsOn\":\"2026-01-05\"}";
        return connection.send(KeepAliveConnection.request(service, "POST", "/api/v1/allocations",
                Map.of("Authorization", "Bearer " + token, "X-Interlock-Actor", actor.current()), body), false, false)
                .status();
    }

    private static void refused(String name, LoadPhase.Result result) {
        if (!result.problems().equals("none")) {
            System.out.printf("BENCH|%s, not 2xx (%s)|%d|count|0%n", name, result.problems(),
                    result.statuses().values().stream().mapToLong(Long::longValue).sum() - result.ok() + result.failed());
        }
    }

    /** Reads the events topic from its end and measures arrival minus event time for marked events. */
    private static final class LagProbe implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Map<String, List<Long>> lags = new ConcurrentHashMap<>();
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
            consumer.assignment().forEach(consumer::position);
            poller = Thread.ofPlatform().name("lag-probe").start(this::poll);
        }

        private void poll() {
            while (open) {
                consumer.poll(Duration.ofMillis(20)).forEach(record -> {
                    long now = System.currentTimeMillis();
                    Header time = record.headers().lastHeader("ce_time");
                    if (time == null || record.value() == null) {
                        return;
                    }
                    try {
                        String staff = JSON.readTree(record.value()).path("staff").asText();
                        long occurred = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8))
                                .toInstant().toEpochMilli();
                        lags.computeIfAbsent(staff, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(now - occurred);
                    } catch (Exception e) {
                        // not a record of this benchmark
                    }
                });
            }
            consumer.close();
        }

        List<Long> awaitLags(String marker, long expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && lags.getOrDefault(marker, List.of()).size() < expected) {
                Thread.sleep(100);
            }
            return new ArrayList<>(lags.getOrDefault(marker, List.of()));
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            poller.join(5_000);
        }
    }
}
