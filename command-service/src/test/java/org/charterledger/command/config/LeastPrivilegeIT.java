package org.charterledger.command.config;

import org.charterledger.command.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege on PostgreSQL: the command service connects as its own role and appends; no role, the event
 * table's owner included, may update, delete or truncate an event; the query service's role reads the ledger and
 * writes nothing in it.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
// a context no other test class shares: closed after this class, so that its pool's connections are freed
@DirtiesContext
class LeastPrivilegeIT {

    /** PostgreSQL's SQLStates: the append-only trigger's refusal, and a missing privilege. */
    private static final String REFUSED_BY_TRIGGER = "23001";
    private static final String PERMISSION_DENIED = "42501";

    private static String url;

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        url = FreshDatabase.use(properties);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    private long events;

    @BeforeEach
    void oneAdmissionAppendedByTheServicesOwnRole() {
        ResponseEntity<String> admitted = admit("KR-PL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        assertThat(admitted.getStatusCode().value()).as(admitted.getBody()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(FreshDatabase.COMMAND_ROLE);
        events = eventCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE ledger.domain_event_entry SET payload = payload",
            "DELETE FROM ledger.domain_event_entry",
            "TRUNCATE ledger.domain_event_entry"})
    void theOwnerOfTheEventTableCannotChangeAnEvent(String change) {
        String operation = change.substring(0, change.indexOf(' '));

        assertThatThrownBy(() -> executeAs(FreshDatabase.OWNER, FreshDatabase.OWNER_PASSWORD, change))
                .isInstanceOfSatisfying(SQLException.class, refused -> {
                    assertThat(refused.getSQLState()).isEqualTo(REFUSED_BY_TRIGGER);
                    assertThat(refused.getMessage())
                            .contains("ledger.domain_event_entry is append-only: " + operation + " refused");
                });
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE ledger.domain_event_entry SET payload = payload",
            "DELETE FROM ledger.domain_event_entry",
            "TRUNCATE ledger.domain_event_entry",
            "ALTER TABLE ledger.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
            "DROP TRIGGER domain_event_entry_append_only ON ledger.domain_event_entry"})
    void theCommandServicesRoleHasNoPrivilegeToChangeAnEvent(String change) {
        assertThatThrownBy(() -> jdbc.sql(change).update())
                .hasRootCauseInstanceOf(SQLException.class)
                .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo(PERMISSION_DENIED));
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            """
            INSERT INTO ledger.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                time_stamp, payload_type, payload) VALUES ('forged', 'KR-FORGED', 0, 'now', 'x', 'x')""",
            "UPDATE ledger.domain_event_entry SET payload = payload",
            "DELETE FROM ledger.domain_event_entry",
            "TRUNCATE ledger.domain_event_entry",
            "UPDATE ledger.command_request SET position = 0",
            "DELETE FROM ledger.command_request",
            "INSERT INTO ledger.meeting_index (meeting_id, body, first_day, last_day) VALUES ('X', 'GA', '2021-01-01', '2021-01-01')",
            "CREATE TABLE ledger.intruder (id INT)"})
    void theQueryServicesRoleReadsTheLedgerAndWritesNothingInIt(String write) throws SQLException {
        assertThat(countAs(FreshDatabase.QUERY_ROLE, FreshDatabase.QUERY_PASSWORD,
                "SELECT COUNT(*) FROM ledger.domain_event_entry")).isEqualTo(events);

        assertThatThrownBy(() -> executeAs(FreshDatabase.QUERY_ROLE, FreshDatabase.QUERY_PASSWORD, write))
                .isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getSQLState()).isEqualTo(PERMISSION_DENIED));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theCommandServicesRoleCannotReachTheViews() {
        assertThatThrownBy(() -> jdbc.sql("CREATE SCHEMA projection").update())
                .hasRootCauseInstanceOf(SQLException.class)
                .satisfies(refused -> assertThat(sqlState(refused)).isEqualTo(PERMISSION_DENIED));
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static void executeAs(String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long countAs(String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private ResponseEntity<String> admit(String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        String body = """
                {"id": "%s", "country": "KR", "name": "Least Privilege Province", "category": "OBSERVER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id);
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity("/api/members", new HttpEntity<>(body, headers), String.class);
    }
}
