package org.charterledger.endtoend;

import org.awaitility.core.ConditionTimeoutException;
import org.charterledger.web.testing.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL database of its own for one test class, created beside the throw-away database the test script
 * provides (LEDGER_TEST_DB_*), and the environments that point each service at it as its own role: the test role
 * owns the database and migrates the ledger; the command service appends as its role, the query service reads the
 * ledger and owns the views' schema as its role.
 */
final class FreshDatabase implements AutoCloseable {

    private static final String ADMIN_URL = TestDatabases.RUN_URL;
    private static final String USER = TestDatabases.OWNER;
    private static final String PASSWORD = TestDatabases.OWNER_PASSWORD;
    static final String COMMAND_USER = System.getenv("LEDGER_TEST_DB_COMMAND_USER");
    static final String COMMAND_PASSWORD = System.getenv("LEDGER_TEST_DB_COMMAND_PASSWORD");
    static final String QUERY_USER = System.getenv("LEDGER_TEST_DB_QUERY_USER");
    static final String QUERY_PASSWORD = System.getenv("LEDGER_TEST_DB_QUERY_PASSWORD");

    final String url = TestDatabases.create("e2e");
    private final String name = TestDatabases.name(url);

    FreshDatabase() throws SQLException {
        // The query service creates the views' schema, and owns it, on its first start.
        execute(ADMIN_URL, "GRANT CREATE ON DATABASE " + name + " TO " + QUERY_USER);
    }

    /** The production profile for the command service on this database, with the users the tests log in as. */
    Map<String, String> commandEnvironment() {
        return commandEnvironment(url);
    }

    /** The same, reaching the database at {@code databaseUrl} (through a proxy, say). */
    Map<String, String> commandEnvironment(String databaseUrl) {
        Map<String, String> environment = new HashMap<>(users());
        environment.putAll(Map.of(
                "LEDGER_DB_URL", databaseUrl,
                "LEDGER_DB_USER", COMMAND_USER,
                "LEDGER_DB_PASSWORD", COMMAND_PASSWORD,
                "LEDGER_DB_OWNER", USER,
                "LEDGER_DB_OWNER_PASSWORD", PASSWORD,
                "LEDGER_DB_READER", QUERY_USER));
        return environment;
    }

    /** The production profile for the query service on this database. */
    Map<String, String> queryEnvironment() {
        return queryEnvironment(url);
    }

    Map<String, String> queryEnvironment(String databaseUrl) {
        Map<String, String> environment = new HashMap<>(users());
        environment.putAll(Map.of(
                "LEDGER_DB_URL", databaseUrl,
                "LEDGER_DB_USER", QUERY_USER,
                "LEDGER_DB_PASSWORD", QUERY_PASSWORD));
        return environment;
    }

    private static Map<String, String> users() {
        return Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
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
        TestDatabases.execute(url, sql);
    }
}
