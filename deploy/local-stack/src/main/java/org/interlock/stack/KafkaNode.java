package org.interlock.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;

/**
 * One real Apache Kafka node (KRaft, broker and controller combined) running inside this JVM.
 * Its log directory survives {@link #stop()}, so a restart on the same ports keeps every topic,
 * committed offset and transaction: that is what the crash tests rely on. {@link #main} runs one
 * as a process of its own ({@link KafkaProcess}, the local stack), which can crash alone.
 *
 * <p>Other topics are created when first used; the compacted ones are created at start, because a
 * topic created on first use would keep every record instead of each key's last (ADR 0012).
 */
public final class KafkaNode implements KafkaBroker, AutoCloseable {

    /**
     * The topics that hold state, compacted: consents, each agency's state topic and the person index's
     * links (the names of {@code org.interlock.contracts.Topics} and {@code PersonIndex}, which this module
     * does not depend on; libs/testing checks that they agree).
     */
    public static final List<String> COMPACTED_TOPICS = List.of("interlock.consents", "interlock.prisons.state",
            "interlock.probation.state", "interlock.intelligence.state", "interlock.partners.state",
            "interlock.people.links");

    /**
     * Their configuration: each key's last record kept; the open segment rolls hourly so that it can
     * be compacted too; a tombstone stays a day (Kafka's default) for readers that are behind.
     */
    public static final Map<String, String> COMPACTION = Map.of("cleanup.policy", "compact", "segment.ms", "3600000",
            "min.compaction.lag.ms", "0");

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaNode(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Arguments: the node's directory, its port and its controller port. Runs until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        KafkaNode node = new KafkaNode(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.stop();
            stopped.countDown();
        }, "kafka-stop"));
        node.start();
        stopped.await();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized boolean alive() {
        return server != null;
    }

    /** It runs inside this JVM. */
    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public String exitReason() {
        return alive() ? "running" : "stopped";
    }

    /** A node inside this JVM cannot crash alone: run it as a {@link KafkaProcess} to kill it. */
    @Override
    public void kill() {
        throw new UnsupportedOperationException("Kafka runs inside this JVM: it cannot be killed alone");
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Path config = writeConfig();
            formatOnce(config);
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties()), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new IllegalStateException("Kafka could not start in " + directory, e);
        }
        createCompactedTopics();
    }

    /** Creates the compacted topics that do not exist yet (a restart finds them in place). */
    private void createCompactedTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : COMPACTED_TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(COMPACTION)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Kafka could not create " + topic, e.getCause());
                    }
                }
            }
            awaitCompactedTopicsKnown(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the compacted topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the compacted topics in time", e);
        }
    }

    /**
     * Creation is acknowledged by the controller before the broker's metadata holds the topic: a
     * client asking at once may be told the topic does not exist. The node is ready only once the
     * broker describes every compacted topic.
     */
    private static void awaitCompactedTopicsKnown(Admin admin) throws InterruptedException, TimeoutException {
        List<ConfigResource> topics = COMPACTED_TOPICS.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka does not know its compacted topics", e.getCause());
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", directory.resolve("data").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A transaction begun right after the previous one commits meets that one's markers still
        // being written (CONCURRENT_TRANSACTIONS); the broker retries the add-partition after this
        // backoff (default 20 ms, up to 100), which the exchange, committing once per poll, paid on
        // nearly every batch. The markers take about a millisecond here (operations.md, section 1).
        p.put("add.partitions.to.txn.retry.backoff.ms", "1");
        p.put("add.partitions.to.txn.retry.backoff.max.ms", "20");
        // The default 128 MiB dedupe buffer would otherwise sit on the heap of a small node.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(directory.resolve("data"));
        Path file = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties().store(out, "Interlock local Kafka node");
        }
        return file;
    }

    private void formatOnce(Path config) {
        if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int status = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
        }
    }
}
