package org.interlock.gateway.policy;

import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicySource;
import org.interlock.policy.loading.PolicyStore;

import static org.interlock.policy.PolicyFixtures.peter;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.DenyReason;
import org.interlock.policy.PolicyFixtures;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;

class PolicyStoreTest {

    @TempDir
    Path directory;

    private static String starterPolicy() throws IOException {
        try (InputStream in = PolicyStoreTest.class.getClassLoader().getResourceAsStream("policy/interlock-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void write(String text) throws IOException {
        Files.writeString(directory.resolve(PolicySource.POLICY_FILE), text);
    }

    @Test
    void starterPolicyLoadsFromTheClasspathByDefault() throws PolicyException {
        Policy policy = new PolicyStore(PolicySource.classpath()).reload();

        assertEquals("2026-12-07.2", policy.version());
        assertEquals(30, policy.agreements().size());
        assertEquals(4, policy.denyRules().size());
    }

    @Test
    void reloadFromADirectoryPutsTheNewVersionInForce() throws Exception {
        write(starterPolicy());
        PolicyStore store = new PolicyStore(PolicySource.directory(directory));
        store.reload();

        write(starterPolicy().replace("version: 2026-12-07.2", "version: 2026-12-08.1"));
        store.reload();

        assertEquals("2026-12-08.1", store.current().version());
    }

    @Test
    void invalidReloadKeepsTheVersionInForceAndSaysWhereTheFileIsWrong() throws Exception {
        write(starterPolicy());
        PolicyStore store = new PolicyStore(PolicySource.directory(directory));
        Policy inForce = store.reload();

        write(starterPolicy().replace("maxClassification: secret", "maxClassification: top-secret"));
        PolicyException e = assertThrows(PolicyException.class, store::reload);

        assertSame(inForce, store.current());
        assertEquals(directory.resolve(PolicySource.POLICY_FILE).toString(), e.file());
        assertEquals("unknown classification 'top-secret' (one of: official, official-sensitive, secret)", e.problem());
        assertEquals(lineOf(starterPolicy(), "maxClassification: secret"), e.line());
    }

    @Test
    void missingPolicyFileLeavesNoPolicyAndTheEngineDeniesEverything() {
        PolicyStore store = new PolicyStore(PolicySource.directory(directory));

        PolicyException e = assertThrows(PolicyException.class, store::reload);
        var decision = new InterlockPolicyEngine(store::current, PolicyFixtures.agreementsAlone(PolicyFixtures.EVERYONE_ALLOCATED,
                PolicyFixtures.NO_CONSENT)).decide(read(peter(),
                        resource(Agency.PRISONS, "custody.release", Classification.OFFICIAL), "case-management"));

        assertEquals(0, e.line());
        assertNull(store.current());
        assertEquals(DenyReason.POLICY_ERROR, reasonOf(decision));
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }
}
