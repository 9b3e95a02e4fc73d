package org.charterledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class with a ledger of its own: the command service over HTTP on a random port, on a fresh PostgreSQL
 * database ({@link FreshDatabase}) that no other test class writes to. The context is closed after the class, so
 * the next class that extends this one gets a database of its own again rather than this one from the cache. A class
 * that needs NEAR's register adds {@code @TestPropertySource(properties = OwnLedgerIT.NEAR)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@DirtiesContext
public abstract class OwnLedgerIT {

    /** Imports NEAR's register and its 13th General Assembly at start, as the demo does. */
    public static final String NEAR = "ledger.import.reference-data=classpath:reference/near-2021.yaml";

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        FreshDatabase.use(properties);
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper json;
}
