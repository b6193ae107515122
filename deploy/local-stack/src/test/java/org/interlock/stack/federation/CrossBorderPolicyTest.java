package org.interlock.stack.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossBorderPolicyTest {

    /** The repository: tests run in deploy/local-stack. */
    static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @TempDir
    Path folder;

    @Test
    void theOverlaysEntriesGoRightUnderAgreementsNamingTheOtherPeerAndTheVersionSaysSo() {
        String policy = CrossBorderPolicy.compose(
                List.of("version: 7", "agreements:", "  - id: domestic", "deny: []"),
                List.of("# comment", "  - id: summaries-to-${peer}", "    to: federation:${peer}"),
                "home", "abroad");

        assertEquals("""
                version: 7+federation-home
                agreements:
                  # --- cross-border (deploy/federation/cross-border-agreements.yaml), written by the local stack for peer home.
                  - id: summaries-to-abroad
                    to: federation:abroad

                  - id: domestic
                deny: []
                """, policy);
    }

    @Test
    void aStarterWithoutTopLevelAgreementsStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> CrossBorderPolicy.compose(
                List.of("version: 7", "deny: []"), List.of("  - id: x"), "home", "abroad"));
    }

    @Test
    void eachSidesPolicyIsTheStarterPlusAgreementsToTheOtherSideOnly() throws IOException {
        Path home = CrossBorderPolicy.write(REPOSITORY, folder.resolve("home"), "home", "abroad");
        Path abroad = CrossBorderPolicy.write(REPOSITORY, folder.resolve("abroad"), "abroad", "home");

        String homePolicy = Files.readString(home.resolve("interlock-policy.yaml"));
        String abroadPolicy = Files.readString(abroad.resolve("interlock-policy.yaml"));
        assertTrue(homePolicy.contains("    to: federation:abroad\n"));
        assertFalse(homePolicy.contains("federation:home"));
        assertTrue(abroadPolicy.contains("    to: federation:home\n"));
        assertFalse(abroadPolicy.contains("federation:abroad"));
        assertFalse(homePolicy.contains("${peer}"));
    }
}
