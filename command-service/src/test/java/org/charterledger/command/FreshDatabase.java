package org.charterledger.command;

import org.charterledger.web.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL database of its own, beside the one the test script made, for a test that needs a clean ledger:
 * a test class calls {@link #use} from its {@code @DynamicPropertySource}. The service connects to it as in
 * production: as its own role (LEDGER_TEST_DB_COMMAND_USER), which may append events but never change one, with
 * its migrations run by the test role, which owns the database, and reads granted to the query service's role.
 */
public final class FreshDatabase {

    public static final String OWNER = TestDatabases.OWNER;
    public static final String OWNER_PASSWORD = TestDatabases.OWNER_PASSWORD;
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
        return TestDatabases.create("it");
    }
}
