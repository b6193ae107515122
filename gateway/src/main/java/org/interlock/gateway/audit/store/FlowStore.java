package org.interlock.gateway.audit.store;

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

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Decision;

/**
 * How much left the gateway for whom under which agreement over a period: the disclosures of the
 * log (what {@link RecordFilter#disclosuresOf} names: REST reads, routed events, feed pushes,
 * permitted) counted in SQL, grouped by agreement, recipient and whether a consent was their basis.
 * Disclosures under no agreement (an agency's own staff reading its own records) are no flow
 * between agencies and are not counted. The agreement is read from the stored leaf itself, the
 * record as signed, not from a copy.
 */
@ApplicationScoped
public class FlowStore {

    private static final String FLOWS = """
            SELECT agreement, actor_agency, actor_org, on_consent, count(*), count(*) FILTER (WHERE break_glass)
            FROM (SELECT convert_from(leaf, 'UTF8')::jsonb ->> 'agreement' AS agreement, actor_agency, actor_org,
                         consent IS NOT NULL AS on_consent, break_glass
                  FROM audit.records
                  WHERE recorded_at >= ? AND recorded_at < ? AND outcome = ? AND action = ANY (?)) AS disclosures
            WHERE agreement IS NOT NULL
            GROUP BY agreement, actor_agency, actor_org, on_consent
            ORDER BY agreement, actor_agency, actor_org NULLS FIRST, on_consent""";

    private final DataSource database;

    public FlowStore(DataSource database) {
        this.database = database;
    }

    /**
     * One counted flow.
     *
     * @param agreement  the agreement the disclosures cite
     * @param agency     the recipient's agency
     * @param org        the recipient's partner organisation, or null
     * @param onConsent  whether a consent was their basis
     * @param count      how many disclosures
     * @param breakGlass how many of them were break-glass
     */
    public record CountedFlow(String agreement, String agency, String org, boolean onConsent, long count,
            long breakGlass) {
    }

    /** The flows of disclosures recorded at or after {@code from} and before {@code until}. */
    public List<CountedFlow> between(Instant from, Instant until) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(FLOWS)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(until));
            s.setString(3, Decision.Outcome.PERMIT.name());
            s.setArray(4, c.createArrayOf("text", RecordFilter.disclosuresOf(List.of()).actions().stream()
                    .map(Action::name).sorted().toArray(String[]::new)));
            List<CountedFlow> flows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    flows.add(new CountedFlow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return flows;
        }
    }
}
