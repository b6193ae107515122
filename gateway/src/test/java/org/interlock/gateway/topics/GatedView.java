package org.interlock.gateway.topics;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.contracts.Agency;

/**
 * A view of the tests' own that holds the state reader, on the first state about one person
 * (config {@code interlock.test.views-gate}), until the test opens it: a replica whose views are
 * still reading, for as long as a test needs one. Without that key (every other test) it holds
 * nothing. Never held longer than {@link #LONGEST}, so a failed test cannot hang the reader.
 */
@ApplicationScoped
public class GatedView implements StateView {

    private static final Duration LONGEST = Duration.ofMinutes(2);

    private final String person;
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holding;

    public GatedView(@ConfigProperty(name = "interlock.test.views-gate", defaultValue = "none") String person) {
        this.person = person;
    }

    @Override
    public void put(AgencyEvent state) {
        if (person.equals(state.person()) && gate.getCount() > 0) {
            holding = true;
            try {
                gate.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding = false;
            }
        }
    }

    @Override
    public void remove(Agency origin, String category, String id) {
        // holds only on a state
    }

    /** Whether the reader is held here now. */
    public boolean holding() {
        return holding;
    }

    public void open() {
        gate.countDown();
    }
}
