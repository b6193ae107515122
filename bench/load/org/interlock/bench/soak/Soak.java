package org.interlock.bench.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.interlock.bench.soak.Faults.Fault;
import org.interlock.bench.soak.TopicDump.Event;

/**
 * {@code bench/soak}: the local stack under a steady mixed load while its components are killed
 * with SIGKILL one at a time, then, with the load stopped and the stack quiet, what became of every
 * write. Prints {@code SOAK|...} lines; exits 1 if a check failed. Loopback only; every loop is
 * bounded in time. Arguments: gateway URL, Keycloak URL, Kafka bootstrap, stack.status path,
 * duration (s), seed, results folder, writes/s, reads/s.
 */
public final class Soak {

    private static final List<String> AGENCY_TOPICS = List.of("interlock.prisons.events", "interlock.probation.events",
            "interlock.intelligence.events", "interlock.partners.events");
    private static final List<String> INBOX_TOPICS = List.of("interlock.inbox.probation", "interlock.inbox.intelligence",
            "interlock.inbox.partners", "interlock.inbox.prisons");
    /** The exchange's consumer group (interlock.exchange.group). */
    private static final String EXCHANGE_GROUP = "interlock-gateway-exchange";
    private static final Duration QUIET_MIN = Duration.ofSeconds(20);
    private static final Duration QUIET_STABLE = Duration.ofSeconds(10);
    private static final Duration QUIET_MAX = Duration.ofMinutes(5);

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String keycloak = args[1];
        String kafka = args[2];
        Path statusFile = Path.of(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        long seed = Long.parseLong(args[5]);
        Path results = Path.of(args[6]);
        int writesPerSecond = Integer.parseInt(args[7]);
        int readsPerSecond = Integer.parseInt(args[8]);
        List<String> failures = new ArrayList<>();

        Persona olivia = new Persona(keycloak, "olivia.prison");
        Persona analyst = new Persona(keycloak, "ana.analyst");
        Persona auditor = new Persona(keycloak, "aud.auditor");
        olivia.token(Duration.ofSeconds(60));
        analyst.token(Duration.ofSeconds(60));
        Load load = new Load(gateway, olivia, analyst, writesPerSecond, readsPerSecond, seed);
        Faults faults = new Faults(statusFile, gateway, load, seed);
        out("seed", seed, "-");
        out("duration", duration.toSeconds(), "s");
        out("load", writesPerSecond + " receptions/s (1 in 4 also a release date), " + readsPerSecond
                + " reads/s, 1 SSE subscriber, the exchange", "-");
        faults.status().values().forEach(s -> Faults.say("component " + s.name() + " pid " + s.pid() + " " + s.state()));

        long start = System.currentTimeMillis();
        load.start();
        Duration warmUp = Duration.ofSeconds(Math.min(20, Math.max(5, duration.toSeconds() / 6)));
        Persona.pause(warmUp);
        long tail = Math.max(15_000, duration.toMillis() / 10);
        try {
            faults.run(start + duration.toMillis() - tail);
        } catch (RuntimeException e) {
            failures.add("the faults stopped early: " + e.getMessage());
        }
        long left = start + duration.toMillis() - System.currentTimeMillis();
        if (left > 0) {
            Persona.pause(Duration.ofMillis(left));
        }
        load.stop();
        long loadSeconds = (System.currentTimeMillis() - start) / 1000;
        Faults.say("load stopped after " + loadSeconds + " s; waiting for the stack to go quiet");
        long quietSince = quiet(kafka);
        Faults.say("quiet; reading every agency topic and inbox (read_committed) and the audit export");

        TopicDump dump = new TopicDump(kafka);
        List<Event> agencyEvents = new ArrayList<>();
        for (String topic : dump.existing(AGENCY_TOPICS)) {
            agencyEvents.addAll(dump.read(topic, Duration.ofMinutes(3)));
        }
        List<Event> copies = new ArrayList<>();
        for (String topic : dump.existing(INBOX_TOPICS)) {
            copies.addAll(dump.read(topic, Duration.ofMinutes(3)));
        }
        AuditExport audit = new AuditExport(gateway, auditor);
        audit.fetch(results, quietSince);
        DeliveryCheck check = new DeliveryCheck(load.writes, agencyEvents, copies, audit.routesByRequestId);
        check.run();

        report(load, faults, loadSeconds, failures);
        out("audit records exported (to a signed head)", audit.records, "tree size " + audit.treeSize);
        check.figures.forEach((name, value) -> out(name, value, "-"));
        failures.addAll(check.failures);
        faults.status().values().stream().filter(s -> !s.state().equals("ready"))
                .forEach(s -> failures.add(s.name() + " is " + s.state() + " at the end"));
        Files.writeString(results.resolve("pids"), faults.pidsSeen.stream().map(String::valueOf)
                .collect(Collectors.joining("\n", "", "\n")));
        failures.forEach(f -> System.out.println("SOAK|FAIL|" + f));
        out("checks (load, faults, delivery, audit)", failures.isEmpty() ? "PASS" : "FAIL", failures.size() + " failed");
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void report(Load load, Faults faults, long loadSeconds, List<String> failures) {
        out("load ran", loadSeconds, "s");
        long faultFailed = 0;
        for (Map.Entry<String, Load.Counts> c : load.counts.entrySet()) {
            out(c.getKey() + " requests sent / failed", c.getValue().sent.get() + " / " + c.getValue().failed.get(), "-");
        }
        out("feed events received / reconnects / 410 gone", load.feedEvents.get() + " / " + load.feedReconnects.get()
                + " / " + load.feedGone.get(), "-");
        for (Fault f : faults.done) {
            String requests = f.requests().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0]).collect(Collectors.joining(", "));
            faultFailed += f.requests().values().stream().mapToLong(r -> r[1]).sum();
            System.out.printf("SOAK|fault %-9s|killed pid %d at %s|ready again %.1f s|writes ok again %.1f s|"
                            + "restarts %d->%d|failed/sent during fault: %s%n", f.component(), f.pid(),
                    java.time.Instant.ofEpochMilli(f.killedAtMillis()), f.readyMillis() / 1e3, f.loadMillis() / 1e3,
                    f.restartsBefore(), f.restartsAfter(), requests);
            if (!f.recovered()) {
                failures.add(f.component() + " did not recover (ready " + f.readyMillis() + " ms, writes "
                        + f.loadMillis() + " ms, restarts " + f.restartsBefore() + "->" + f.restartsAfter() + ")");
            }
        }
        long totalFailed = load.counts.values().stream().mapToLong(c -> c.failed.get()).sum();
        out("requests failed outside the faults' windows", totalFailed - faultFailed, "-");
        for (String component : Faults.COMPONENTS) {
            long n = faults.done.stream().filter(f -> f.component().equals(component)).count();
            out("faults injected: " + component, n, "SIGKILL");
            if (n == 0) {
                failures.add("no fault injected into " + component);
            }
        }
    }

    /**
     * Waits at least {@link #QUIET_MIN}, then until the exchange's group has committed every agency
     * event and the topics' committed ends have not moved for {@link #QUIET_STABLE}; returns when
     * they stopped moving.
     */
    private static long quiet(String kafka) {
        Persona.pause(QUIET_MIN);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long deadline = System.currentTimeMillis() + QUIET_MAX.toMillis();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (INBOX_TOPICS.contains(topic) || AGENCY_TOPICS.contains(topic)) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            });
            long last = -1;
            long since = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
                long ends = endOffsets.values().stream().mapToLong(Long::longValue).sum();
                if (exchangeLag(admin, endOffsets) > 0) {
                    // After a gateway is killed its exchange resumes only once the group has given up on
                    // the dead member (session timeout) and its open transaction timed out.
                    last = -1;
                } else if (ends != last) {
                    last = ends;
                    since = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - since >= QUIET_STABLE.toMillis()) {
                    return since;
                }
                Persona.pause(Duration.ofSeconds(1));
            }
            return since;
        }
    }

    /** Agency events the exchange's group has not committed yet (unknown: counted as lag). */
    private static long exchangeLag(Admin admin, Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(EXCHANGE_GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (AGENCY_TOPICS.contains(e.getKey().topic())) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue() - (c == null ? 0 : c.offset());
                }
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private static void out(String name, Object value, String unit) {
        System.out.println("SOAK|" + name + "|" + value + "|" + unit);
    }
}
