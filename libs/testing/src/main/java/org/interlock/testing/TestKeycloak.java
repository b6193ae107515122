package org.interlock.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * Imports a second realm into the running server (a federated deployment's), replacing one of that name that
     * an earlier run left in the kept server: only the first realm is dropped and imported at each start.
     */
    public static synchronized void importRealm(String realm, Path realmFile) {
        KeycloakNode keycloak = shared();
        String admin = "Bearer " + KeycloakTokens.masterRealmAdminToken();
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + realm))
                    .header("Authorization", admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(realmFile)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Keycloak did not import realm " + realm + ": HTTP "
                        + created.statusCode() + " " + created.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: the parent of {@code .interlock/}. */
    public static Path repository() {
        return TestInfrastructure.home().toAbsolutePath().getParent();
    }
}
