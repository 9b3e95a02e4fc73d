package org.charterledger.endtoend;

import org.awaitility.core.ConditionTimeoutException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

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

    /**
     * Drops the database. An autovacuum worker busy in it cannot be terminated by a role that is not a superuser, so
     * the drop is tried again for a while; a database still left is dropped with the run by the test script.
     */
    @Override
    public void close() {
        try {
            await("drop of " + name).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        execute(ADMIN_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                        return true;
                    });
        } catch (ConditionTimeoutException stillInUse) {
            // left for the test script
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
