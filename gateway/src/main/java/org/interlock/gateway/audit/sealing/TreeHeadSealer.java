package org.interlock.gateway.audit.sealing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.gateway.audit.store.Sealing;
import org.interlock.gateway.audit.store.TreeHeadStore.StoredHead;
import org.jboss.logging.Logger;

/**
 * Publishes a signed tree head over everything appended, every {@code interlock.audit.seal-interval}.
 * Every replica tries; one at a time succeeds (a transaction-scoped advisory lock), the others find
 * nothing new. A head is only signed over records already committed, and only published once stored.
 */
@ApplicationScoped
public class TreeHeadSealer {

    private static final Logger LOG = Logger.getLogger(TreeHeadSealer.class);

    private final Sealing sealing;
    private final TreeHeadSigner signer;
    private final Clock clock;

    public TreeHeadSealer(Sealing sealing, TreeHeadSigner signer) {
        this.sealing = sealing;
        this.signer = signer;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(every = "${interlock.audit.seal-interval}", delayed = "${interlock.audit.seal-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            seal();
        } catch (SQLException | RuntimeException e) {
            // The next interval tries again; records stay durable and unsealed meanwhile.
            LOG.warnf("Could not seal the audit log: %s", e.getMessage());
        }
    }

    /**
     * Seals now: the new head, or empty when another replica holds the seal or nothing was
     * appended since the last head.
     */
    public Optional<StoredHead> seal() throws SQLException {
        Optional<StoredHead> sealed = sealing.sealNext(signer, clock.instant());
        sealed.ifPresent(head -> LOG.debugf("Sealed the audit log at %d records", head.treeSize()));
        return sealed;
    }
}
