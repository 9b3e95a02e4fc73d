package org.charterledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.charterledger.web.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service on PostgreSQL, fed by events appended to the ledger's event table as the command service
 * appends them: through Axon's JDBC engine, into the table the command service's migrations create.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
public abstract class LedgerIT {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected EventStorageEngine ledger;
    @Autowired
    protected TransactionManager transactions;

    /** The event table belongs to the command service; these tests create it with its own migrations. */
    @BeforeAll
    static void migrateTheLedgerSchema() {
        migrateLedger(System.getenv("LEDGER_TEST_DB_URL"));
    }

    /**
     * The command service's migrations, as it runs them on PostgreSQL: the test role owns the ledger and, as in a
     * single-role set-up, is also the role that appends and the role that reads.
     */
    private static void migrateLedger(String url) {
        String role = System.getenv("LEDGER_TEST_DB_USER");
        Flyway.configure()
                .dataSource(url, role, System.getenv("LEDGER_TEST_DB_PASSWORD"))
                .schemas("ledger").defaultSchema("ledger")
                .locations("classpath:db/ledger", "classpath:db/ledger-postgresql")
                .placeholders(Map.of("writer", role, "reader", role))
                .load().migrate();
    }

    /**
     * A database of its own, beside the test script's, with the ledger's tables migrated: for a test that changes
     * stored rows or needs a ledger holding its events alone. Answers its JDBC URL.
     */
    protected static String freshDatabase() {
        String url = TestDatabases.create("it");
        migrateLedger(url);
        return url;
    }

    /** Appends {@code event} to the stream of {@code aggregate}; answers its ledger position. */
    protected long append(String aggregate, Object event) {
        return append("Member", aggregate, event);
    }

    /** Appends {@code event} to the stream of {@code aggregate}, an aggregate of {@code type}; answers its position. */
    protected long append(String type, String aggregate, Object event) {
        long sequence = jdbc.sql("""
                        SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM ledger.domain_event_entry
                        WHERE aggregate_identifier = ?""")
                .param(aggregate).query(Long.class).single();
        var message = new GenericDomainEventMessage<>(type, aggregate, sequence, event);
        transactions.executeInTransaction(() -> ledger.appendEvents(message));
        return jdbc.sql("SELECT global_index FROM ledger.domain_event_entry WHERE event_identifier = ?")
                .param(message.getIdentifier()).query(Long.class).single();
    }

    protected long ledgerHead() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM ledger.domain_event_entry")
                .query(Long.class).single();
    }

    protected ResponseEntity<String> get(String path) {
        return http.withBasicAuth("reader", "test-reader").getForEntity(path, String.class);
    }

    protected JsonNode body(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    protected JsonNode assertProblem(ResponseEntity<String> response, int status, String type, String field)
            throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:charter-ledger:problem:" + type);
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        return problem;
    }

    protected static String newId(String country) {
        return country + "-QT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
