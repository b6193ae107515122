package org.interlock.gateway.federation.outcomes;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.federation.outcomes.OutcomeCount;

/**
 * The tally of ended interventions ({@code federation.intervention_outcomes}, V9): one row per intervention, kept
 * by the exchange, counted per period when a table is read or published. Blocking (JDBC).
 */
@ApplicationScoped
public class OutcomeTally {

    private static final String UPSERT = "INSERT INTO federation.intervention_outcomes (origin, intervention_id,"
            + " intervention_type, ended_on, outcome) VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin, intervention_id)"
            + " DO UPDATE SET intervention_type = EXCLUDED.intervention_type, ended_on = EXCLUDED.ended_on,"
            + " outcome = EXCLUDED.outcome";
    private static final String COUNTS = "SELECT origin, intervention_type, outcome, count(*)"
            + " FROM federation.intervention_outcomes WHERE ended_on >= ? AND ended_on < ?"
            + " GROUP BY origin, intervention_type, outcome ORDER BY origin, intervention_type, outcome";

    private final DataSource database;

    public OutcomeTally(DataSource database) {
        this.database = database;
    }

    /**
     * Records ended interventions, each once: one seen again (its event routed again, or its outcome corrected)
     * replaces its row, and of one intervention's events in one batch the last, in the order given, counts. One
     * statement batch in one transaction.
     */
    public void record(List<EndedIntervention> ended) {
        if (ended.isEmpty()) {
            return;
        }
        // One row per intervention: the driver sends the batch as one multi-row INSERT, and PostgreSQL refuses an
        // upsert that touches a row twice, which would abandon the exchange's batch again and again.
        Map<List<Object>, EndedIntervention> latest = new LinkedHashMap<>();
        ended.forEach(e -> latest.put(List.of(e.origin(), e.intervention()), e));
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            c.setAutoCommit(false);
            for (EndedIntervention e : latest.values()) {
                s.setString(1, e.origin().id());
                s.setObject(2, e.intervention());
                s.setString(3, e.type());
                s.setDate(4, Date.valueOf(e.endedOn()));
                s.setString(5, e.outcome());
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("ended interventions could not be tallied: " + e.getMessage(), e);
        }
    }

    /** How many interventions of each type ended in the period with each outcome, per arranging agency. */
    public Map<Agency, List<OutcomeCount>> counts(Period period) throws SQLException {
        Map<Agency, List<OutcomeCount>> counts = new EnumMap<>(Agency.class);
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(COUNTS)) {
            s.setDate(1, Date.valueOf(period.from()));
            s.setDate(2, Date.valueOf(period.until()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(Agency.fromId(rs.getString(1)), a -> new ArrayList<>())
                            .add(new OutcomeCount(rs.getString(2), period.code(), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return counts;
    }
}
