package org.interlock.stack.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.interlock.stack.StackConfig;
import org.junit.jupiter.api.Test;

class FederationLayoutTest {

    private static final Path REPO = Path.of("/repo");
    private static final StackConfig HOME = StackConfig.from(Map.of("INTERLOCK_STACK_DIR", "/data"), REPO);
    private static final Map<String, String> FEDERATED = Map.of("INTERLOCK_STACK_FEDERATION", "true");

    @Test
    void withoutTheFlagThereIsNoSecondDeployment() {
        assertTrue(FederationLayout.from(Map.of(), HOME).isEmpty());
        assertTrue(FederationLayout.from(Map.of("INTERLOCK_STACK_FEDERATION", "false"), HOME).isEmpty());
    }

    @Test
    void theSecondDeploymentHasItsOwnFolderAndEachPortOfTheFirstPlus200ButSharesKeycloak() {
        StackConfig abroad = FederationLayout.from(FEDERATED, HOME).orElseThrow().abroad();

        assertEquals(Path.of("/data/abroad"), abroad.dataDirectory());
        assertEquals(Map.ofEntries(Map.entry("gateway", 8280), Map.entry("keycloak", 8180),
                Map.entry("keycloak management", 8190), Map.entry("kafka", 9292), Map.entry("kafka controller", 9293),
                Map.entry("postgres", 15632), Map.entry("prisons", 8281), Map.entry("probation", 8282),
                Map.entry("intelligence", 8283), Map.entry("partners", 8284), Map.entry("people", 8285)),
                abroad.ports());
        assertTrue(List.of("prisons", "probation", "intelligence", "partners", "people", "gateway").stream()
                .allMatch(abroad::runs));
    }

    @Test
    void anOffsetThatLandsTheSecondOnAPortOfTheFirstIsRefusedNamingBoth() {
        Map<String, String> env = Map.of("INTERLOCK_STACK_FEDERATION", "true",
                "INTERLOCK_STACK_FEDERATION_PORT_OFFSET", "100");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FederationLayout.from(env, HOME));

        assertEquals("abroad-gateway and keycloak would both listen on port 8180: choose another"
                + " INTERLOCK_STACK_FEDERATION_PORT_OFFSET", e.getMessage());
    }

    @Test
    void theSecondDeploymentMayRunASubsetButNeverWithoutItsGateway() {
        StackConfig light = FederationLayout.from(Map.of("INTERLOCK_STACK_FEDERATION", "true",
                "INTERLOCK_STACK_FEDERATION_APPS", "intelligence,gateway"), HOME).orElseThrow().abroad();
        assertEquals(List.of("intelligence", "gateway"), light.applications());

        assertThrows(IllegalArgumentException.class, () -> FederationLayout.from(Map.of(
                "INTERLOCK_STACK_FEDERATION", "true", "INTERLOCK_STACK_FEDERATION_APPS", "intelligence"), HOME));
    }
}
