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
 * thing that decides), or a policy file of the test's own, written to a temporary directory the
 * profile names in {@code interlock.policy.directory}.
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
        return directoryWith(starter.substring(0, deny) + "\n" + agreements.stripTrailing() + "\n"
                + starter.substring(deny));
    }

    /**
     * A policy directory holding a test's own policy file, for a test whose cases need agreements
     * that the starter policy's would otherwise be merged with.
     *
     * @param resource the policy file on the test class path, e.g. {@code disclosure/one-decision-policy.yaml}
     */
    public static String ofResource(String resource) {
        return directoryWith(read(resource));
    }

    private static String directoryWith(String policy) {
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
        return read("policy/" + PolicySource.POLICY_FILE);
    }

    private static String read(String resource) {
        try (InputStream in = TestPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
