package org.interlock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.interlock.stack.FreePorts;
import org.interlock.stack.KeycloakNode;
import org.interlock.stack.LocalStack;
import org.interlock.stack.StackConfig;
import org.interlock.stack.federation.FederationLayout;
import org.interlock.stack.federation.LocalFederation;

/**
 * Two federated deployments for the federation end-to-end tests, made as {@code deploy/stack up --federation}
 * makes them ({@link LocalFederation#prepare}: keys, trust anchors, cross-border policy, the second realm):
 * {@code home} and {@code abroad}, each with its own PostgreSQL and Kafka (a federated gateway keeps its own
 * audit log and federation tables; sharing the test infrastructure's would collide with {@link TestStack}'s
 * databases and topics, which have fixed names), and only the applications the tests need — home's gateway and
 * probation (its team manager puts the person on the officer's caseload), abroad's gateway and intelligence (its
 * analyst releases what crosses). The test Keycloak serves both realms.
 * Started on first use by the federation tests only, stopped when the JVM exits; every process is recorded in
 * {@link TestInfrastructure#processes()}, whose watchdog stops them if the JVM is killed.
 */
public final class FederatedTestStack {

    /** The component names of the two gateways, for {@link #kill} and {@link #restart}. */
    public static final String HOME_GATEWAY = "gateway";
    public static final String ABROAD_GATEWAY = FederationLayout.abroad("gateway");

    private static FederatedTestStack shared;

    private final LocalFederation federation;
    private final LocalStack stack;

    private FederatedTestStack(LocalFederation federation, LocalStack stack) {
        this.federation = federation;
        this.stack = stack;
    }

    public static synchronized FederatedTestStack shared() {
        if (shared == null) {
            KeycloakNode keycloak = TestKeycloak.shared();
            Path data = runDirectory();
            StackConfig home = config(data, List.of("gateway", "probation"));
            StackConfig abroad = config(data.resolve(FederationLayout.ABROAD), List.of("gateway", "intelligence"));
            // A delivery retried every 2 s at most, not every minute: a test waits for the peer's return.
            LocalFederation federation = LocalFederation.prepare(new FederationLayout(home, abroad, 0), Instant.now())
                    .withGatewayEnvironment(Map.of("INTERLOCK_FEDERATION_RETRY_MAX", "2s"));
            TestKeycloak.importRealm(FederationLayout.ABROAD_REALM, federation.abroadRealmFile());
            LocalStack stack = LocalStack.federated(federation, TestInfrastructure.processes(), keycloak);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "federated-test-stack-stop"));
            stack.start();
            shared = new FederatedTestStack(federation, stack);
        }
        return shared;
    }

    public String homeUrl() {
        return LocalFederation.gatewayUrl(federation.layout().home());
    }

    public String abroadUrl() {
        return LocalFederation.gatewayUrl(federation.layout().abroad());
    }

    /** The trust anchors file home's gateway reads (naming abroad), which it re-reads when it changes. */
    public Path homeTrustAnchors() {
        return Path.of(federation.homeGatewayEnvironment().get("INTERLOCK_FEDERATION_TRUST_ANCHORS"));
    }

    /** A superuser connection to home's gateway database, to read what it stored as received. */
    public Connection homeGatewayDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + federation.layout().home().postgresPort()
                + "/gateway", "postgres", "");
    }

    /** SIGKILL of a component ({@link #HOME_GATEWAY}, {@link #ABROAD_GATEWAY}, ...), as a crash. */
    public void kill(String component) {
        stack.kill(component);
    }

    /** Starts it again and waits until it is ready. */
    public void restart(String component) {
        stack.restart(component);
    }

    private static Path runDirectory() {
        try {
            Path data = TestInfrastructure.ownedRunDirectory("federation-");
            Files.createDirectories(data.resolve(FederationLayout.ABROAD));
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the federated stack", e);
        }
    }

    /** Every port free; Keycloak's are the test Keycloak's, not this stack's to open. */
    private static StackConfig config(Path data, List<String> applications) {
        return new StackConfig(TestKeycloak.repository(), data, FreePorts.next(), 0, 0, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), applications);
    }
}
