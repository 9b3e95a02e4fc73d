package org.charterledger.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test class, created beside the throw-away database the test script
 * provides (LEDGER_TEST_DB_*), and the environment that points both services at it.
 */
final class FreshDatabase implements AutoCloseable {

    private static final String ADMIN_URL = System.getenv("LEDGER_TEST_DB_URL");
    private static final String USER = System.getenv("LEDGER_TEST_DB_USER");
    private static final String PASSWORD = System.getenv("LEDGER_TEST_DB_PASSWORD");

    private final String name = ADMIN_URL.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1") + "_e2e_"
            + UUID.randomUUID().toString().substring(0, 8);
    private final String url = ADMIN_URL.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);

    FreshDatabase() throws SQLException {
        execute(ADMIN_URL, "CREATE DATABASE " + name);
    }

    /** The production profile on this database, with the users the tests log in as. */
    Map<String, String> environment() {
        return Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "LEDGER_DB_URL", url,
                "LEDGER_DB_USER", USER,
                "LEDGER_DB_PASSWORD", PASSWORD,
                "LEDGER_SECRETARIAT_PASSWORD", "e2e-secretariat",
                "LEDGER_READER_PASSWORD", "e2e-reader",
                "LEDGER_AUDITOR_PASSWORD", "e2e-auditor");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        execute(url, sql);
    }

    @Override
    public void close() throws SQLException {
        execute(ADMIN_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
