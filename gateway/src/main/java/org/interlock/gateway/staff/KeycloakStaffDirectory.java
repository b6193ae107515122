package org.interlock.gateway.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.StaffMember;
import org.jboss.logging.Logger;

/**
 * Every member of staff as Keycloak knows them, held in memory and read again, whole, every
 * {@code interlock.staff.refresh-interval}. It fails closed: until the first read has succeeded
 * nobody is staff (and readiness is DOWN); a read that fails keeps the last good copy, counts
 * the failure ({@value #FAILURES}) and is logged; {@value #AGE} says how old the copy in use is.
 */
@ApplicationScoped
public class KeycloakStaffDirectory implements StaffDirectory {

    static final String MEMBERS = "interlock.staff.directory.members";
    static final String FAILURES = "interlock.staff.directory.refresh.failures";
    static final String AGE = "interlock.staff.directory.age.seconds";
    private static final Logger LOG = Logger.getLogger(KeycloakStaffDirectory.class);

    /** One complete read; {@code sequence} orders reads that overlap, so an older one never replaces a newer. */
    record Snapshot(long sequence, Instant loadedAt, Map<String, StaffMember> members) {
    }

    private final StaffSource source;
    private final StaffConfig config;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicLong reads = new AtomicLong();
    private final Counter failures;

    @Inject
    public KeycloakStaffDirectory(StaffSource source, StaffConfig config, MeterRegistry registry) {
        this.source = source;
        this.config = config;
        this.failures = Counter.builder(FAILURES)
                .description("Reads of the staff directory from Keycloak that failed (the last good copy stayed in use)")
                .register(registry);
        Gauge.builder(MEMBERS, current, c -> c.get() == null ? Double.NaN : c.get().members().size())
                .description("Members of staff in the directory copy in use")
                .register(registry);
        Gauge.builder(AGE, current, c -> c.get() == null ? Double.NaN
                        : Duration.between(c.get().loadedAt(), Instant.now()).toMillis() / 1000.0)
                .description("Seconds since the directory copy in use was read from Keycloak")
                .register(registry);
    }

    @Override
    public Optional<StaffMember> member(String username) {
        Snapshot snapshot = current.get();
        if (snapshot == null || username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.members().get(username));
    }

    /**
     * Reads the whole directory now (the schedule does this every refresh interval). Completes once
     * the read is in use, unless a newer read already is; fails when the read fails, and the copy in
     * use stays.
     */
    public Uni<Void> refresh() {
        long sequence = reads.incrementAndGet();
        return source.load()
                .invoke(members -> install(new Snapshot(sequence, Instant.now(), byUsername(members))))
                .onFailure().invoke(this::failed)
                .replaceWithVoid();
    }

    Optional<Snapshot> snapshot() {
        return Optional.ofNullable(current.get());
    }

    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * The first read before the gateway takes traffic (bounded, so that a Keycloak outage delays
     * start-up by at most {@code request-timeout} and then leaves readiness DOWN), then one every
     * refresh interval.
     */
    void start(@Observes StartupEvent ignored, Scheduler scheduler) {
        try {
            refresh().await().atMost(config.requestTimeout());
        } catch (TimeoutException e) {
            LOG.warnf("The staff directory was not read within %s; nobody is staff until a read succeeds",
                    config.requestTimeout());
        } catch (RuntimeException e) {
            // failed() has logged and counted it; the scheduled reads go on trying.
        }
        scheduler.newJob("staff-directory-refresh")
                .setInterval(config.refreshInterval().toString())
                .setDelayed(config.refreshInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> refresh().onFailure().recoverWithNull())
                .schedule();
    }

    private void install(Snapshot next) {
        Snapshot previous = current.getAndAccumulate(next,
                (kept, read) -> kept == null || kept.sequence() < read.sequence() ? read : kept);
        String failedBefore = lastFailure.getAndSet(null);
        if (previous == null || failedBefore != null) {
            LOG.infof("Staff directory read from Keycloak: %d members", next.members().size());
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        lastFailure.set(failure.getMessage());
        Snapshot kept = current.get();
        LOG.warnf("Could not read the staff directory from Keycloak (%s); %s", failure.getMessage(),
                kept == null ? "nobody is staff until a read succeeds"
                        : "keeping the copy read at " + kept.loadedAt() + " (" + kept.members().size() + " members)");
    }

    private static Map<String, StaffMember> byUsername(List<StaffMember> members) {
        return members.stream().collect(Collectors.toUnmodifiableMap(StaffMember::username, Function.identity(),
                (a, b) -> a));
    }
}
