package org.charterledger.command;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL database of its own, beside the one the test script made, for a test that needs a clean ledger:
 * a test class calls {@link #use} from its {@code @DynamicPropertySource}. The service connects to it as in
 * production: as its own role (LEDGER_TEST_DB_COMMAND_USER), which may append events but never change one, with
 * its migrations run by the test role, which owns the database, and reads granted to the query service's role.
 */
public final class FreshDatabase {

    public static final String OWNER = System.getenv("LEDGER_TEST_DB_USER");
    public static final String OWNER_PASSWORD = System.getenv("LEDGER_TEST_DB_PASSWORD");
    public static final String COMMAND_ROLE = System.getenv("LEDGER_TEST_DB_COMMAND_USER");
    public static final String QUERY_ROLE = System.getenv("LEDGER_TEST_DB_QUERY_USER");
    public static final String QUERY_PASSWORD = System.getenv("LEDGER_TEST_DB_QUERY_PASSWORD");

    private FreshDatabase() {
    }

    /** Points the application context of a test class at a database of its own; answers its JDBC URL. */
    public static String use(DynamicPropertyRegistry properties) {
        String url = create();
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", () -> COMMAND_ROLE);
        properties.add("spring.datasource.password", () -> System.getenv("LEDGER_TEST_DB_COMMAND_PASSWORD"));
        properties.add("spring.flyway.user", () -> OWNER);
        properties.add("spring.flyway.password", () -> OWNER_PASSWORD);
        properties.add("spring.flyway.placeholders.reader", () -> QUERY_ROLE);
        return url;
    }

    /** Creates the database and answers its JDBC URL; the test script's database is dropped with the run. */
    public static String create() {
        String admin = System.getenv("LEDGER_TEST_DB_URL");
        String name = runDatabase(admin) + "_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(admin, System.getenv("LEDGER_TEST_DB_USER"),
                System.getenv("LEDGER_TEST_DB_PASSWORD"))) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database beside " + admin, e);
        }
        return admin.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name);
    }

    /** The test script's database: databases made beside it carry its name, so the script drops them with it. */
    private static String runDatabase(String url) {
        return url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }
}
