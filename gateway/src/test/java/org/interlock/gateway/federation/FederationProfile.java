package org.interlock.gateway.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway federating as peer "home" with peer "nl", whose anchors file a test may rewrite (and restores). */
public class FederationProfile implements QuarkusTestProfile {

    public static final Path ANCHORS = Path.of("target", "federation-test", "trust-anchors.yaml").toAbsolutePath();
    public static final int MAX_ENVELOPE_BYTES = 16 * 1024;

    public static void writeAnchors(boolean nlRevoked) {
        writeAnchors(FederationKeys.anchors(nlRevoked));
    }

    public static void writeAnchors(String anchors) {
        try {
            Files.createDirectories(ANCHORS.getParent());
            Files.writeString(ANCHORS, anchors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        writeAnchors(false);
        return Map.of(
                "interlock.federation.enabled", "true",
                "interlock.federation.peer-id", "home",
                "interlock.federation.signing-key", FederationKeys.HOME_SEED,
                "interlock.federation.trust-anchors", ANCHORS.toString(),
                "interlock.federation.max-envelope-size", Integer.toString(MAX_ENVELOPE_BYTES),
                "interlock.federation.retry-initial", "100ms",
                "interlock.federation.retry-max", "400ms",
                "interlock.federation.delivery-interval", "100ms");
    }
}
