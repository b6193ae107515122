package org.interlock.gateway.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.interlock.policy.loading.PolicySource;

/**
 * A policy directory for a test profile: the starter policy with agreements of the test's own
 * added (so that a test can make one condition, such as a handling code or a suspension, the only
 * thing that decides), written to a temporary directory the profile names in
 * {@code interlock.policy.directory}.
 */
public final class TestPolicy {

    private TestPolicy() {
    }

    /** @param agreements YAML list items, indented as under {@code agreements:} */
    public static String starterWith(String agreements) {
        String starter = starter();
        int deny = starter.indexOf("\ndeny:");
        if (deny < 0) {
            throw new IllegalStateException("the starter policy has no deny: section to insert before");
        }
        String policy = starter.substring(0, deny) + "\n" + agreements.stripTrailing() + "\n" + starter.substring(deny);
        try {
            Path directory = Files.createTempDirectory("interlock-test-policy");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve(PolicySource.POLICY_FILE);
            Files.writeString(file, policy);
            file.toFile().deleteOnExit();
            return directory.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String starter() {
        try (InputStream in = TestPolicy.class.getClassLoader().getResourceAsStream("policy/" + PolicySource.POLICY_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
