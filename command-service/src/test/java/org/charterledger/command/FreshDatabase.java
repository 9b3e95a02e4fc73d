package org.charterledger.command;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A PostgreSQL database of its own, beside the one the test script made, for a test that needs a clean ledger:
 * a test class calls {@link #use} from its {@code @DynamicPropertySource}.
 */
public final class FreshDatabase {

    private FreshDatabase() {
    }

    /** Points the application context of a test class at a database of its own. */
    public static void use(DynamicPropertyRegistry properties) {
        String url = create();
        properties.add("spring.datasource.url", () -> url);
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
