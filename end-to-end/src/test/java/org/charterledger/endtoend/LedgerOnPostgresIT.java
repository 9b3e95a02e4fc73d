package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services as separate processes on one fresh PostgreSQL database (the production profile), driven over
 * HTTP: what the command service appends, the query service shows, without a restart.
 */
class LedgerOnPostgresIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String READER = "reader:e2e-reader";
    private static final String AUDITOR = "auditor:e2e-auditor";
    private static RunningLedger ledger;
    private static ServiceProcess commands;
    private static ServiceProcess queries;

    @BeforeAll
    static void startBothServicesOnAFreshDatabase() throws SQLException {
        ledger = RunningLedger.start(List.of());
        commands = ledger.commands;
        queries = ledger.queries;
    }

    @AfterAll
    static void stopThem() throws SQLException {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aMemberAdmittedOnTheCommandServiceAppearsOnTheQueryService() {
        Http.Answer admitted = commands.http.post("/api/members", SECRETARIAT, UUID.randomUUID().toString(),
                admission("KR-ULSAN", "KR", "MEMBER"));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Http.Answer party = queries.http.get("/api/members/KR-ULSAN", READER);
            assertThat(party.status()).as(party.toString()).isEqualTo(200);
            assertThat(party.json().get("name").asText()).isEqualTo("Ulsan Metropolitan City");
        });
    }

    @Test
    void aQueryWaitsForThePositionOfTheCommandItFollows() {
        Http.Answer admitted = commands.http.post("/api/members", SECRETARIAT, UUID.randomUUID().toString(),
                admission("MN-ULAANBAATAR", "MN", "MEMBER"));
        long position = admitted.json().get("position").asLong();

        Http.Answer register = queries.http.get("/api/members?country=MN&atLeast=" + position, READER);

        assertThat(register.status()).as(register.toString()).isEqualTo(200);
        assertThat(Long.parseLong(register.header("Ledger-Position").orElseThrow())).isGreaterThanOrEqualTo(position);
        assertThat(register.json().get("parties").findValuesAsText("id")).contains("MN-ULAANBAATAR");
    }

    @Test
    void anIdempotentRetryAppendsOneEventOnly() throws SQLException {
        String key = UUID.randomUUID().toString();
        String body = admission("JP-TOYAMA", "JP", "MEMBER");

        Http.Answer first = commands.http.post("/api/members", SECRETARIAT, key, body);
        Http.Answer retry = commands.http.post("/api/members", SECRETARIAT, key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(eventsOf("JP-TOYAMA")).isEqualTo(1);
        long position = first.json().get("position").asLong();
        assertThat(queries.http.get("/api/members/JP-TOYAMA?atLeast=" + position, READER).status()).isEqualTo(200);
    }

    @Test
    void aMalformedRequestGetsAProblemAndAppendsNothing() throws SQLException {
        long before = allEvents();

        Http.Answer refused = commands.http.post("/api/members", SECRETARIAT, UUID.randomUUID().toString(),
                admission("RU-SAKHA", "RU", "MEMBER").replace("\"2021-01-01\"", "\"1 January 2021\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("field").asText()).isEqualTo("admittedOn");
        assertThat(problem.get("rule").asText()).isEqualTo("format");
        assertThat(problem.get("detail").asText()).contains("YYYY-MM-DD");
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void bothServicesExposeHealthAndMetrics() {
        assertThat(commands.http.get("/actuator/prometheus", AUDITOR).raw().body()).contains("ledger_commands_seconds_count");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(queries.http.get("/actuator/prometheus", AUDITOR).raw().body())
                        .contains("ledger_projection_lag_events"));
    }

    private static String admission(String id, String country, String category) {
        String name = switch (id) {
            case "KR-ULSAN" -> "Ulsan Metropolitan City";
            default -> id;
        };
        return """
                {"id": "%s", "country": "%s", "name": "%s", "category": "%s",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id, country, name, category);
    }

    private static long eventsOf(String id) throws SQLException {
        return ledger.database.count("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = '" + id + "'");
    }

    private static long allEvents() throws SQLException {
        return ledger.database.count("SELECT COUNT(*) FROM ledger.domain_event_entry");
    }
}
