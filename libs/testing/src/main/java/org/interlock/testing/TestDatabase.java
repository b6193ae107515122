package org.interlock.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct reads of an application's database, for tests that assert what was (not) written. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The single number a query such as {@code SELECT count(*) ...} returns. */
    public static long number(String database, String query) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.shared().postgres().jdbcUrl(database),
                        "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed on " + database, e);
        }
    }
}
