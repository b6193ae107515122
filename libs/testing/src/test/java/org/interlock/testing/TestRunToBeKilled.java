package org.interlock.testing;

/**
 * A test JVM in miniature, for {@link KilledTestRunTest}: starts this JVM's PostgreSQL and Kafka
 * (and Keycloak with {@code keycloak}) as every test JVM does, prints {@code READY <kafka>}, then
 * waits to be killed; with {@code exit} it exits at once instead, as a short test run would.
 */
public final class TestRunToBeKilled {

    private TestRunToBeKilled() {
    }

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length > 0 ? args[0] : "plain";
        TestInfrastructure infra = TestInfrastructure.shared();
        if (mode.equals("keycloak")) {
            TestKeycloak.shared();
        }
        System.out.println("READY " + infra.kafka().bootstrapServers());
        System.out.flush();
        if (mode.equals("exit")) {
            // The in-JVM broker's threads are not daemons: end as a test JVM does, through the shutdown hooks.
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
