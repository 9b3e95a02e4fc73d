package org.charterledger.web.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases of their own for the tests that need a clean ledger, made beside the throw-away database of the test
 * script ({@code LEDGER_TEST_DB_*}) and named after it, so that the script drops them with it.
 */
public final class TestDatabases {

    /** The test script's database, and its role, which owns the databases made here. */
    public static final String RUN_URL = System.getenv("LEDGER_TEST_DB_URL");
    public static final String OWNER = System.getenv("LEDGER_TEST_DB_USER");
    public static final String OWNER_PASSWORD = System.getenv("LEDGER_TEST_DB_PASSWORD");

    private TestDatabases() {
    }

    /** Creates a database named {@code <run>_<kind>_<random>} and answers its JDBC URL. */
    public static String create(String kind) {
        String name = RUN_URL.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1") + "_" + kind + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try {
            execute(RUN_URL, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database beside " + RUN_URL, e);
        }
        return RUN_URL.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
    }

    /** The name of the database at {@code url}. */
    public static String name(String url) {
        return url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    /** Runs {@code sql} as the owner on the database at {@code url}. */
    public static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
