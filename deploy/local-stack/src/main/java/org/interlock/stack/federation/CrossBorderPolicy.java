package org.interlock.stack.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy of one side of the local federation: the starter policy with the cross-border agreements of
 * {@value #OVERLAY} added, naming the other side as {@code federation:<peer>}. Written at every start into the
 * folder the gateway reads its policy from ({@code INTERLOCK_POLICY_DIRECTORY}); without {@code --federation}
 * the gateway reads the starter policy built into it, which names no peer.
 */
public final class CrossBorderPolicy {

    static final String STARTER = "gateway/src/main/resources/policy/interlock-policy.yaml";
    static final String OVERLAY = "deploy/federation/cross-border-agreements.yaml";
    static final String FILE = "interlock-policy.yaml";

    private CrossBorderPolicy() {
    }

    /** Writes {@code folder/interlock-policy.yaml} for deployment {@code self} federated with {@code peer}. */
    public static Path write(Path repository, Path folder, String self, String peer) {
        Path file = folder.resolve(FILE);
        try {
            String text = compose(Files.readAllLines(repository.resolve(STARTER)),
                    Files.readAllLines(repository.resolve(OVERLAY)), self, peer);
            Files.createDirectories(folder);
            Files.writeString(file, text);
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the federated policy " + file, e);
        }
    }

    /**
     * The starter's lines, its {@code version:} marked as federated, the overlay's entries (its comments left out)
     * right after {@code agreements:}. The starter must have both keys at the top level: it is the file's own
     * layout, and a starter without them is a mistake to stop at, not to work around.
     */
    static String compose(List<String> starter, List<String> overlay, String self, String peer) {
        List<String> out = new ArrayList<>();
        boolean versioned = false;
        boolean inserted = false;
        for (String line : starter) {
            if (!versioned && line.startsWith("version:")) {
                out.add(line.stripTrailing() + "+federation-" + self);
                versioned = true;
                continue;
            }
            out.add(line);
            if (!inserted && line.stripTrailing().equals("agreements:")) {
                out.add("  # --- cross-border (" + OVERLAY + "), written by the local stack for peer " + self + ".");
                overlay.stream().filter(l -> !l.startsWith("#")).map(l -> l.replace("${peer}", peer)).forEach(out::add);
                out.add("");
                inserted = true;
            }
        }
        if (!versioned || !inserted) {
            throw new IllegalStateException(STARTER + " has no top-level 'version:' or 'agreements:' line");
        }
        return String.join("\n", out) + "\n";
    }
}
