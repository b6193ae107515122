package org.interlock.testing;

import java.nio.file.Path;

import org.interlock.stack.FreePorts;
import org.interlock.stack.KeycloakNode;

/**
 * The real Keycloak of one test JVM, with the repository's realm freshly imported: started on
 * first use, stopped when the JVM exits, and by the watchdog of {@link TestInfrastructure#processes()}
 * if the JVM is killed. The unpacked, built server is kept under
 * {@code .interlock/test-keycloak} so that later runs start warm.
 */
public final class TestKeycloak {

    private static KeycloakNode shared;

    private TestKeycloak() {
    }

    public static synchronized KeycloakNode shared() {
        if (shared == null) {
            Path home = TestInfrastructure.home();
            Path realm = repository().resolve("deploy/keycloak/interlock-realm.json");
            shared = new KeycloakNode(home.resolve("test-keycloak"), realm, FreePorts.next(), FreePorts.next(), true,
                    TestInfrastructure.processes());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-keycloak-stop"));
        }
        return shared;
    }

    /** The repository root: the parent of {@code .interlock/}. */
    public static Path repository() {
        return TestInfrastructure.home().toAbsolutePath().getParent();
    }
}
