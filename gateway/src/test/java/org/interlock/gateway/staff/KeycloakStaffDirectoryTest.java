package org.interlock.gateway.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.interlock.policy.StaffMember;
import org.junit.jupiter.api.Test;

/** The directory fails closed and keeps its last good copy, whatever Keycloak does. */
class KeycloakStaffDirectoryTest {

    private static final StaffMember OLIVIA = new StaffMember("olivia.prison", "prisons", null, Set.of("offender-manager"));
    private static final StaffMember MIA = new StaffMember("mia.mentor", "partners", "horizon-mentoring",
            Set.of("partner-caseworker"));

    /** Each read takes the next answer; an answer is a future the test completes when it likes. */
    private final Deque<CompletableFuture<List<StaffMember>>> answers = new ArrayDeque<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KeycloakStaffDirectory directory = new KeycloakStaffDirectory(
            () -> Uni.createFrom().completionStage(answers.removeFirst()), config(), registry);
    private final StaffDirectoryReadiness readiness = new StaffDirectoryReadiness(directory);

    @Test
    void nobodyIsStaffAndReadinessIsDownBeforeTheFirstRead() {
        assertEquals(Optional.empty(), directory.member("olivia.prison"));
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertTrue(Double.isNaN(registry.get(KeycloakStaffDirectory.MEMBERS).gauge().value()));
    }

    @Test
    void aFailedFirstReadLeavesNobodyStaffAndIsCounted() {
        assertThrows(RuntimeException.class, () -> read(failed("Keycloak's admin API answered 503")));

        assertEquals(Optional.empty(), directory.member("olivia.prison"));
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertEquals(1.0, registry.get(KeycloakStaffDirectory.FAILURES).counter().count());
    }

    @Test
    void afterAReadStaffAreAnsweredFromMemoryAndOthersAreNot() {
        read(answered(OLIVIA, MIA));

        assertEquals(Optional.of(OLIVIA), directory.member("olivia.prison"));
        assertEquals(Optional.of(MIA), directory.member("mia.mentor"));
        assertEquals(Optional.empty(), directory.member("mallory"));
        assertEquals(Optional.empty(), directory.member(null));
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(2.0, registry.get(KeycloakStaffDirectory.MEMBERS).gauge().value());
    }

    @Test
    void aFailedReadKeepsTheLastGoodCopyAndSaysSo() {
        read(answered(OLIVIA, MIA));

        assertThrows(RuntimeException.class, () -> read(failed("Keycloak's admin API answered 500")));

        assertEquals(Optional.of(OLIVIA), directory.member("olivia.prison"));
        HealthCheckResponse health = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, health.getStatus());
        assertEquals("Keycloak's admin API answered 500", health.getData().orElseThrow().get("lastFailure"));
        assertEquals(1.0, registry.get(KeycloakStaffDirectory.FAILURES).counter().count());
    }

    @Test
    void aLaterReadReplacesTheWholeCopy() {
        read(answered(OLIVIA, MIA));

        read(answered(MIA));

        assertEquals(Optional.empty(), directory.member("olivia.prison"));
        assertEquals(Optional.of(MIA), directory.member("mia.mentor"));
    }

    @Test
    void anOlderReadFinishingLastDoesNotReplaceANewerOne() {
        CompletableFuture<List<StaffMember>> older = new CompletableFuture<>();
        CompletableFuture<List<StaffMember>> newer = new CompletableFuture<>();
        answers.add(older);
        answers.add(newer);
        CompletableFuture<Void> first = directory.refresh().subscribeAsCompletionStage();
        CompletableFuture<Void> second = directory.refresh().subscribeAsCompletionStage();

        newer.complete(List.of(MIA));
        older.complete(List.of(OLIVIA, MIA));
        first.join();
        second.join();

        assertEquals(Optional.empty(), directory.member("olivia.prison"));
    }

    private void read(CompletableFuture<List<StaffMember>> answer) {
        answers.add(answer);
        directory.refresh().await().atMost(Duration.ofSeconds(5));
    }

    private static CompletableFuture<List<StaffMember>> answered(StaffMember... members) {
        return CompletableFuture.completedFuture(List.of(members));
    }

    private static CompletableFuture<List<StaffMember>> failed(String message) {
        return CompletableFuture.failedFuture(new KeycloakStaffSource.StaffSourceException(message));
    }

    private static StaffConfig config() {
        return new StaffConfig() {
            @Override
            public String adminUrl() {
                return "http://127.0.0.1:9/admin/realms/interlock";
            }

            @Override
            public Duration refreshInterval() {
                return Duration.ofSeconds(60);
            }

            @Override
            public int pageSize() {
                return 100;
            }

            @Override
            public int concurrency() {
                return 4;
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
