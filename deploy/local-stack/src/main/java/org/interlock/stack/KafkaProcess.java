package org.interlock.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.interlock.stack.process.ProcessRegistry;

/**
 * The local stack's Kafka node in a JVM of its own ({@link KafkaNode#main}): it can die alone, be
 * seen dead and be started again, as a broker in production can, while the launcher keeps running.
 */
public final class KafkaProcess implements KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Path directory;
    private final int port;
    private final ChildProcess process;

    public KafkaProcess(Path directory, int port, int controllerPort, Path logFile, ProcessRegistry registry) {
        this("kafka", directory, port, controllerPort, logFile, registry);
    }

    /**
     * @param name the component's name, such as {@code abroad-kafka}: the second deployment's node, a cluster of
     *             its own (deployments never share a Kafka cluster)
     */
    public KafkaProcess(String name, Path directory, int port, int controllerPort, Path logFile,
            ProcessRegistry registry) {
        this.name = name;
        this.directory = directory;
        this.port = port;
        this.process = new ChildProcess(name,
                List.of(Jdk.java(), "-Xms64m", "-Xmx768m", "-XX:+UseSerialGC", "-Dlog4j2.level=warn",
                        "-cp", System.getProperty("java.class.path"), KafkaNode.class.getName(),
                        directory.toString(), Integer.toString(port), Integer.toString(controllerPort)),
                Map.of(), directory.getParent(), logFile, registry, directory.toString());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void start() {
        if (process.alive()) {
            return;
        }
        process.start();
        awaitReady();
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public boolean alive() {
        return process.alive();
    }

    @Override
    public long pid() {
        return process.servingPid();
    }

    @Override
    public String exitReason() {
        return process.exitReason();
    }

    /**
     * Ready once the broker answers a client and has its compacted topics (created by the node as
     * it starts): a service that wrote first would otherwise create its state topic uncompacted.
     */
    private void awaitReady() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(config)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.alive()) {
                    throw new IllegalStateException("Kafka exited before it was ready (" + process.exitReason()
                            + "); see " + process.logFile());
                }
                try {
                    admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
                    if (admin.listTopics().names().get(3, TimeUnit.SECONDS).containsAll(KafkaNode.COMPACTED_TOPICS)) {
                        return;
                    }
                    Thread.sleep(100);
                } catch (ExecutionException | TimeoutException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while Kafka started", e);
                }
            }
        }
        throw new IllegalStateException("Kafka was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + process.logFile() + " (" + directory + ")");
    }
}
