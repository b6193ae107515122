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

    /** A connection to {@code database} as {@code role} (the superuser is {@code postgres}). */
    public static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.shared().postgres().jdbcUrl(database), role, "");
    }

    /**
     * Runs statements as the superuser in one transaction, e.g. to tamper with rows the way an
     * operator with full access to the database could, triggers and grants notwithstanding.
     */
    public static void execute(String database, String... statements) {
        try (Connection c = connect(database, "postgres"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements) {
                s.execute(statement);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** The single text a query returns. */
    public static String text(String database, String query) {
        try (Connection c = connect(database, "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed on " + database, e);
        }
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
