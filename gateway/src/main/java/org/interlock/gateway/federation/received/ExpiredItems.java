package org.interlock.gateway.federation.received;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.jboss.logging.Logger;

/**
 * Erases what a peer sent once the originator's expiry has passed: nobody may hold it from then on (the holding
 * rules already say so), and it is not kept either. Each erasure leaves an {@code ERASURE_CONFIRMED} record, in the
 * transaction that erases.
 */
@ApplicationScoped
public class ExpiredItems {

    private static final Logger LOG = Logger.getLogger(ExpiredItems.class);
    private static final String EXPIRED = "SELECT peer, item_id, seq, person, category FROM federation.received_items"
            + " WHERE expires_at <= ? AND erased_at IS NULL ORDER BY receipt LIMIT 500";

    private record Expired(String peer, String itemId, long seq, String person, String category) {
    }

    private final Federation federation;
    private final DataSource database;
    private final AuditStore store;

    public ExpiredItems(Federation federation, DataSource database, AuditStore store) {
        this.federation = federation;
        this.database = database;
        this.store = store;
    }

    @Scheduled(every = "${interlock.federation.expiry-check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseExpired() {
        if (!federation.enabled()) {
            return;
        }
        try {
            int erased = erase(Instant.now());
            if (erased > 0) {
                LOG.infof("%d received items past their originator's expiry erased", erased);
            }
        } catch (SQLException e) {
            LOG.warnf("Expired received items not erased this time: %s", e.getMessage());
        }
    }

    /** Erases the items expired at {@code now}; @return how many */
    public int erase(Instant now) throws SQLException {
        List<Expired> expired = expired(now);
        if (expired.isEmpty()) {
            return 0;
        }
        List<AuditRecord> records = expired.stream().map(item -> record(item, now)).toList();
        store.append(records, (c, stored) -> {
            for (Expired item : expired) {
                Erasing.erase(c, item.peer(), item.itemId(), item.seq());
            }
            return null;
        });
        return expired.size();
    }

    private List<Expired> expired(Instant now) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(EXPIRED)) {
            s.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                List<Expired> expired = new ArrayList<>();
                while (rs.next()) {
                    expired.add(new Expired(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5)));
                }
                return expired;
            }
        }
    }

    private static AuditRecord record(Expired item, Instant now) {
        return AuditRecord.builder(now, new Actor(null, null, null, "interlock-federation", null),
                        Action.ERASURE_CONFIRMED, Decision.permit("originator-expiry"))
                .resource(new Resource(ItemRecords.RESOURCE_TYPE + ":" + item.peer(), item.itemId(), item.person(),
                        item.category(), null))
                .build();
    }
}
