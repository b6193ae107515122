package org.interlock.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.interlock.stack.FreePorts;
import org.interlock.stack.KeycloakNode;
import org.interlock.stack.LocalStack;
import org.interlock.stack.StackConfig;

/**
 * The whole system for end-to-end tests: the four services and the gateway, run from their
 * built applications as separate processes (as in production), on this JVM's Kafka and
 * PostgreSQL and the test Keycloak. Started on first use, stopped when the JVM exits.
 */
public final class TestStack {

    private static TestStack shared;

    private final StackConfig config;
    private final LocalStack stack;

    private TestStack(StackConfig config, LocalStack stack) {
        this.config = config;
        this.stack = stack;
    }

    public static synchronized TestStack shared() {
        if (shared == null) {
            TestInfrastructure infra = TestInfrastructure.shared();
            KeycloakNode keycloak = TestKeycloak.shared();
            StackConfig config = config(infra);
            LocalStack stack = new LocalStack(config, TestInfrastructure.processes(), infra.kafka(), infra.postgres(),
                    keycloak);
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "test-stack-stop"));
            shared = new TestStack(config, stack);
        }
        return shared;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    /**
     * An agency service's own address ({@code prisons}, {@code probation}, {@code intelligence},
     * {@code partners}): for tests that look past the gateway, at what a service holds or was asked.
     */
    public String serviceUrl(String service) {
        int port = switch (service) {
            case "prisons" -> config.prisonsPort();
            case "probation" -> config.probationPort();
            case "intelligence" -> config.intelligencePort();
            case "partners" -> config.partnersPort();
            case "people" -> config.peoplePort();
            default -> throw new IllegalArgumentException("No agency service " + service);
        };
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL of an application ({@code gateway}, {@code prisons}, ...), as a crash. */
    public void kill(String application) {
        stack.kill(application);
    }

    /** Starts it again and waits until it is ready. */
    public void restart(String application) {
        stack.restart(application);
    }

    public String keycloakIssuer() {
        return TestKeycloak.shared().issuer();
    }

    private static StackConfig config(TestInfrastructure infra) {
        try {
            Path data = TestInfrastructure.ownedRunDirectory("stack-");
            String bootstrap = infra.kafka().bootstrapServers();
            int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            return new StackConfig(TestKeycloak.repository(), data, FreePorts.next(), 0, 0, kafkaPort, 0,
                    infra.postgres().port(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the end-to-end stack", e);
        }
    }
}
