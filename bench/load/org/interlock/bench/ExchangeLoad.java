package org.interlock.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The exchange under load, side by side with the plain Kafka pipe it is measured against, on one
 * broker and one set of events:
 * <ol>
 *   <li>the plain pipe ({@link PlainPipe}, tuned as in ../shared/notes/kafka-baseline.md, in a JVM
 *       of its own) over N events, and the exchange (decision per candidate inbox, consent,
 *       projection and redaction, one durable audit record per decision, exactly-once delivery)
 *       over the same N events on the agency topics: events/s from the first event written to the
 *       last output committed, and their ratio. Both inputs have the agency topics' partitions;</li>
 *   <li>latency from the event's time to its copy in each inbox at a paced 1,000 events/s of the
 *       same mix, written to the agency topics as the outbox relays write them;</li>
 *   <li>latency from a REST write through the gateway (POST a reception, 50 and 200 writes/s,
 *       open loop) to the copy in probation's inbox.</li>
 * </ol>
 * The mix: receptions (40 %: to probation), release dates (30 %: to probation, and projected to
 * horizon-mentoring for a referred person) and licence conditions (30 %: to prisons, and without
 * their details to horizon-mentoring for a referred person), over BENCH_PERSONS people of whom
 * BENCH_REFERRED_PERCENT are referred by probation to horizon-mentoring, accepted, allocated a
 * caseworker and consenting (every event as the services publish it: {@link BenchEvent}).
 *
 * <p>Arguments: gateway URL, Keycloak URL, Kafka bootstrap, N, seconds per paced phase.
 */
public final class ExchangeLoad {

    private static final String ORGANISATION = "horizon-mentoring";
    private static final List<String> SCOPE = List.of("custody.release", "licence.*");
    private static final List<String> PURPOSES = List.of("resettlement");
    private static final List<String> INBOXES = List.of("interlock.inbox.probation", "interlock.inbox.prisons",
            "interlock.inbox.partners", "interlock.inbox.intelligence");

    private final String kafka;
    private final Mix mix;

    private ExchangeLoad(String kafka, Mix mix) {
        this.kafka = kafka;
        this.mix = mix;
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        String keycloak = args[1];
        int events = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int persons = Integer.parseInt(System.getenv().getOrDefault("BENCH_PERSONS", "10000"));
        int referredPercent = Integer.parseInt(System.getenv().getOrDefault("BENCH_REFERRED_PERCENT", "20"));
        ExchangeLoad load = new ExchangeLoad(args[2], new Mix(persons, referredPercent));

        try (CopyWatch inboxes = new CopyWatch(load.kafka, INBOXES, false)) {
            load.setUp(inboxes);
            List<BenchEvent> batch = load.mix.events(events);
            int bytes = (int) batch.stream().mapToInt(BenchEvent::bytes).average().orElse(0);
            System.out.printf("SETTING|events: %,d of the mix (40 %% receptions, 30 %% release dates, 30 %% licence"
                    + " conditions) over %,d persons, %d %% referred to %s with consent (%,d ready); %d B each on"
                    + " average (value, key and CloudEvents headers); producer linger.ms=5, batch.size=65536%n",
                    events, persons, referredPercent, ORGANISATION, load.mix.referred.size(), bytes);
            if (System.getenv("BENCH_EXCHANGE_LABEL") != null) {
                // replicas.bench: the exchange alone, under the label it gives (one replica, two).
                double exchange = load.exchange(inboxes, batch);
                System.out.printf("BENCH|exchange, %s|%.0f|events/s|-%n", System.getenv("BENCH_EXCHANGE_LABEL"), exchange);
                System.out.printf("BENCH|exchange, %s: copies delivered twice|%d|count|0%n",
                        System.getenv("BENCH_EXCHANGE_LABEL"), inboxes.duplicates());
                System.exit(0);
            }
            System.out.println("SETTING|plain pipe: " + PlainPipe.SETTINGS);

            double pipe = load.plainPipe(batch);
            System.out.printf("BENCH|plain pipe, exactly-once, tuned (%d B events, same partitions)|%.0f|events/s|≥ 45000%n",
                    bytes, pipe);
            double exchange = load.exchange(inboxes, batch);
            System.out.printf("BENCH|exchange (policy, consent, redaction, audit, exactly-once)|%.0f|events/s|≥ 30000%n",
                    exchange);
            System.out.printf("BENCH|exchange / plain pipe, same events, same run|%.2f|ratio|≥ 0.5%n", exchange / pipe);

            load.paced(inboxes, 1_000, seconds);
            String token = Keycloak.persona(keycloak, "olivia.prison");
            load.restWrites(inboxes, gateway, token, 50, 5, false); // warm-up: connections, JIT
            for (int rate : new int[] {50, 200}) {
                load.restWrites(inboxes, gateway, token, rate, seconds, true);
            }
            System.out.printf("BENCH|copies delivered twice to an inbox (all phases)|%d|count|0%n", inboxes.duplicates());
            System.out.printf("BENCH|partner copies with a field the agreement withholds|%d|count|0%n",
                    inboxes.overReleased());
        }
        System.exit(0);
    }

    // --- set-up: organisations, referrals, consents, and the gateway's views caught up ------------

    /**
     * The organisations registered, each referred person referred, accepted, allocated a caseworker
     * and consenting; then release dates of the referred persons until each has reached the
     * mentor's inbox, which shows that the gateway's views hold every referral and consent (and
     * warms the exchange up). A person whose copy never comes is left out of the referred.
     */
    private void setUp(CopyWatch inboxes) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String organisation : List.of(ORGANISATION, "faith-bridge")) {
                sendWithState(producer, BenchEvent.organisationRegistered(organisation), organisation);
            }
            for (String person : mix.referred) {
                String referral = UUID.randomUUID().toString();
                String allocation = UUID.randomUUID().toString();
                sendWithState(producer, BenchEvent.referralMade(referral, person, ORGANISATION, SCOPE, PURPOSES),
                        referral);
                sendWithState(producer, BenchEvent.referralAccepted(referral, person, ORGANISATION, "hana.horizon",
                        "mia.mentor", SCOPE, PURPOSES), referral);
                sendWithState(producer, BenchEvent.partnerAllocation(allocation, person, "mia.mentor", "hana.horizon"),
                        allocation);
                producer.send(BenchEvent.consent(person, ORGANISATION, SCOPE, PURPOSES).record());
            }
            producer.flush();
        }
        long begin = System.nanoTime();
        Set<String> waiting = new LinkedHashSet<>(mix.referred);
        List<BenchEvent> warmUp = mix.events(Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_EVENTS", "20000")));
        for (int round = 0; round < 6 && !waiting.isEmpty(); round++) {
            List<BenchEvent> events = new ArrayList<>(round == 0 ? warmUp : List.of());
            waiting.forEach(person -> events.add(BenchEvent.releaseDateSet(person)));
            send(events, null);
            inboxes.await(statutoryCopies(events), Duration.ofMinutes(5));
            inboxes.awaitPersons(ORGANISATION, waiting, Duration.ofSeconds(5));
            waiting.removeIf(person -> inboxes.hasPerson(ORGANISATION, person));
        }
        mix.referred.removeAll(waiting);
        System.err.printf("set-up: %,d referred persons seen by the exchange (%,d not) in %.1f s%n",
                mix.referred.size(), waiting.size(), (System.nanoTime() - begin) / 1e9);
    }

    // --- 1. the plain pipe and the exchange, same events --------------------------------------

    private double plainPipe(List<BenchEvent> batch) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> inputs = Map.of(BenchEvent.PRISONS, "bench.pipe.prisons." + run,
                BenchEvent.PROBATION, "bench.pipe.probation." + run);
        String output = "bench.pipe.out." + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            List<NewTopic> topics = new ArrayList<>();
            var described = admin.describeTopics(List.of(BenchEvent.PRISONS, BenchEvent.PROBATION, INBOXES.getFirst()))
                    .allTopicNames().get();
            inputs.forEach((agency, pipe) -> topics.add(new NewTopic(pipe, described.get(agency).partitions().size(),
                    (short) 1)));
            topics.add(new NewTopic(output, described.get(INBOXES.getFirst()).partitions().size(), (short) 1));
            admin.createTopics(topics).all().get();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PlainPipe.class.getName(), kafka, output));
        command.addAll(inputs.values());
        Process pipe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(pipe.getInputStream(), StandardCharsets.UTF_8));
        try (CopyWatch out = new CopyWatch(kafka, List.of(output), true)) {
            if (!"READY".equals(said.readLine())) {
                throw new IllegalStateException("The plain pipe did not start");
            }
            List<BenchEvent> warmUp = mix.events(Math.min(20_000, batch.size()));
            send(warmUp, inputs);
            out.await(pipeCopies(warmUp), Duration.ofMinutes(5));

            quiet("plain pipe");
            CpuMeter cpu = new CpuMeter("broker", "gateway", "prisons", "postgres").with("pipe", pipe.pid()).start();
            long first = System.currentTimeMillis();
            send(batch, inputs);
            int arrived = out.await(pipeCopies(batch), Duration.ofMinutes(10));
            double rate = batch.size() / ((out.lastArrival(pipeCopies(batch)) - first) / 1000.0);
            System.out.printf("BENCH|plain pipe: CPU (cores) %s|cores|-%n", CpuMeter.describe(cpu.stop()));
            System.out.printf("BENCH|plain pipe: outputs committed|%d|of %d|all%n", arrived, batch.size());
            pipe.getOutputStream().close();
            String stats = said.readLine();
            if (stats != null && stats.startsWith("STATS|")) {
                String[] s = stats.split("\\|");
                // Warm-up and measured phase together: what the commit interval made of the stream.
                System.out.printf("BENCH|plain pipe: records per transaction (mean), all phases|%.0f|records|≤ 1000%n",
                        Double.parseDouble(s[1]) / Math.max(1, Double.parseDouble(s[2])));
                System.err.printf("plain pipe: %s records in %s transactions, %s ms committing%n", s[1], s[2], s[3]);
            }
            return rate;
        } finally {
            if (!pipe.waitFor(20, TimeUnit.SECONDS)) {
                pipe.destroyForcibly();
            }
        }
    }

    private double exchange(CopyWatch inboxes, List<BenchEvent> batch) throws Exception {
        List<String> expected = copies(batch);
        quiet("exchange");
        CpuMeter cpu = new CpuMeter("gateway", "prisons", "broker", "postgres").start();
        int arrived;
        long first;
        try (Profiling profile = Profiling.phase("exchange-throughput", "gateway", "broker")) {
            first = System.currentTimeMillis();
            send(batch, null);
            arrived = inboxes.await(expected, Duration.ofMinutes(10));
        }
        double rate = batch.size() / ((inboxes.lastArrival(expected) - first) / 1000.0);
        System.out.printf("BENCH|exchange: CPU (cores) %s|cores|-%n", CpuMeter.describe(cpu.stop()));
        System.out.printf("BENCH|exchange: copies delivered (%.2f per event)|%d|of %d|all%n",
                expected.size() / (double) batch.size(), arrived, expected.size());
        return rate;
    }

    /**
     * Prisons consumes the licence conditions the previous phase delivered to its inbox; measuring
     * before it has finished would charge its cores to this phase.
     */
    private static void quiet(String phase) throws InterruptedException {
        double waited = CpuMeter.awaitQuiet(0.3, Duration.ofSeconds(120));
        if (waited < 0) {
            System.out.printf("SETTING|%s: the stack was still busy (> 0.3 cores) after 120 s; measured anyway%n", phase);
        } else {
            System.err.printf("%s: stack quiet after %.1f s%n", phase, waited);
        }
    }

    // --- 2. paced, on the agency topics -------------------------------------------------------

    private void paced(CopyWatch inboxes, int perSecond, int seconds) throws Exception {
        List<String> expected = new ArrayList<>();
        quiet("paced " + perSecond + "/s");
        CpuMeter cpu = new CpuMeter("gateway", "prisons", "broker", "postgres").start();
        try (Profiling profile = Profiling.phase("exchange-paced", "gateway", "broker");
                KafkaProducer<String, String> producer = producer()) {
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                BenchEvent event = mix.next();
                producer.send(event.record());
                expected.addAll(mix.copies(event));
            }
            producer.flush();
            inboxes.await(expected, Duration.ofMinutes(2));
        }
        Latencies latencies = inboxes.sinceEventTime(expected);
        String name = String.format("agency topic -> inbox at %,d events/s", perSecond);
        System.out.printf("BENCH|%s, p50|%.0f|ms|-%n", name, latencies.percentileMillis(50));
        System.out.printf("BENCH|%s, p99|%.0f|ms|≤ 50%n", name, latencies.percentileMillis(99));
        System.out.printf("BENCH|%s, copies delivered|%d|of %d|all%n", name, latencies.count(), expected.size());
        System.out.printf("BENCH|%s: CPU (cores) %s|cores|-%n", name, CpuMeter.describe(cpu.stop()));
    }

    // --- 3. paced, through REST ---------------------------------------------------------------

    /** Receptions POSTed through the gateway, open loop at {@code perSecond}; latency to probation's inbox. */
    private void restWrites(CopyWatch inboxes, URI gateway, String token, int perSecond, int seconds, boolean report)
            throws Exception {
        Map<String, Long> dueByPerson = new ConcurrentHashMap<>();
        quiet("REST writes " + perSecond + "/s");
        CpuMeter cpu = new CpuMeter("gateway", "prisons", "broker", "postgres").start();
        LoadPhase.Result answers;
        try (Profiling profile = report ? Profiling.phase("rest-write-" + perSecond, "gateway", "prisons")
                : Profiling.phase("none")) {
            answers = LoadPhase.open(gateway, 32, perSecond, Duration.ofSeconds(seconds), (connection, i, due) -> {
                String person = "urn:interlock:person:" + UUID.randomUUID();
                byte[] request = KeepAliveConnection.request(gateway, "POST", "/api/v1/prisons/custody-episodes",
                        Map.of("Authorization", "Bearer " + token, "X-Purpose-Of-Use", "case-management"), """
                        {"person":"%s","prisonNumber":"B1234CD","establishment":"HMP Frankland",\
                        "securityCategory":"B","receivedOn":"%s"}""".formatted(person, LocalDate.now()));
                int status = connection.send(request, false, false).status();
                if (status == 201) {
                    dueByPerson.put(person, due);
                }
                return status;
            });
            inboxes.awaitPersons("probation", dueByPerson.keySet(), Duration.ofMinutes(2));
        }
        if (!report) {
            return;
        }
        Latencies latencies = inboxes.sinceDue("probation", dueByPerson);
        String name = String.format("REST write -> recipient inbox at %d writes/s", perSecond);
        System.out.printf("BENCH|%s, p50|%.0f|ms|-%n", name, latencies.percentileMillis(50));
        System.out.printf("BENCH|%s, p99|%.0f|ms|%s%n", name, latencies.percentileMillis(99),
                perSecond == 200 ? "≤ 100" : "-");
        System.out.printf("BENCH|%s, answered p99 (the write alone)|%.0f|ms|-%n", name,
                answers.latencies().percentileMillis(99));
        System.out.printf("BENCH|%s, copies delivered|%d|of %d written|all%n", name, latencies.count(), answers.ok());
        if (!answers.problems().equals("none")) {
            System.out.printf("BENCH|%s, refused or failed (%s)|%d|count|0%n", name, answers.problems(),
                    answers.statuses().values().stream().mapToLong(Long::longValue).sum() - answers.ok()
                            + answers.failed());
        }
        System.out.printf("BENCH|%s: CPU (cores) %s|cores|-%n", name, CpuMeter.describe(cpu.stop()));
    }

    // --- plumbing ------------------------------------------------------------------------------

    /** Writes the events, to their agency topics or (pipe) to the topic standing in for each. */
    /** The event and, as the service's outbox writes it in the same transaction, the entity's state. */
    static void sendWithState(KafkaProducer<String, String> producer, BenchEvent event, String entity) {
        producer.send(event.record());
        producer.send(event.state(entity));
    }

    private void send(List<BenchEvent> events, Map<String, String> instead) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (BenchEvent event : events) {
                producer.send(instead == null ? event.record() : event.to(instead.get(event.topic())));
            }
            producer.flush();
        }
    }

    private List<String> copies(List<BenchEvent> events) {
        List<String> expected = new ArrayList<>();
        events.forEach(event -> expected.addAll(mix.copies(event)));
        return expected;
    }

    private List<String> statutoryCopies(List<BenchEvent> events) {
        return copies(events).stream().filter(key -> !key.startsWith(ORGANISATION + "|")).toList();
    }

    private static List<String> pipeCopies(List<BenchEvent> events) {
        return events.stream().map(event -> "pipe|" + event.id()).toList();
    }

    private KafkaProducer<String, String> producer() {
        return BenchEvent.producer(kafka);
    }

    /** The bench's people and events, and which copies each event must make. */
    static final class Mix {
        private final List<String> persons = new ArrayList<>();
        final Set<String> referred = new LinkedHashSet<>();
        private final Random random = new Random(14);

        Mix(int count, int referredPercent) {
            for (int i = 0; i < count; i++) {
                String person = "urn:interlock:person:" + UUID.randomUUID();
                persons.add(person);
                if (i * 100L / count < referredPercent) {
                    referred.add(person);
                }
            }
        }

        synchronized BenchEvent next() {
            String person = persons.get(random.nextInt(persons.size()));
            int kind = random.nextInt(10);
            return kind < 4 ? BenchEvent.reception(person)
                    : kind < 7 ? BenchEvent.releaseDateSet(person) : BenchEvent.licenceCondition(person);
        }

        List<BenchEvent> events(int count) {
            List<BenchEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(next());
            }
            return events;
        }

        /** {@code recipient|source event id} of every copy the event must make. */
        List<String> copies(BenchEvent event) {
            String type = event.headers().get("ce_type");
            List<String> copies = new ArrayList<>(2);
            copies.add((type.contains(".probation.") ? "prisons|" : "probation|") + event.id());
            if (!type.endsWith("custody.received.v1") && referred.contains(event.key())) {
                copies.add(ORGANISATION + "|" + event.id());
            }
            return copies;
        }
    }
}
