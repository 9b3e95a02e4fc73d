package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CHARTER.md §2 over HTTP, on PostgreSQL, with both services running: a member that paid for 2016 only, asked about
 * its rights on the dates of the rulebook's examples, then a payment in 2019 and its reversal; and the same answers
 * after the query service is restarted with its views rebuilt from the events alone.
 */
class DuesAndRightsIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String READER = "reader:e2e-reader";
    private static final String TYVA = "RU-TYVA";

    private static FreshDatabase database;
    private static ServiceProcess commands;

    @BeforeAll
    static void start() throws SQLException {
        database = new FreshDatabase();
        commands = ServiceProcess.start("commandService", database.commandEnvironment());
    }

    @AfterAll
    static void stop() throws SQLException {
        if (commands != null) {
            commands.close();
        }
        database.close();
    }

    @Test
    void rightsFollowTheRulebookAndSurviveARebuild() throws SQLException {
        // On the books from 1 January 2016, so assessed from 2016 like the rulebook's member admitted in 2015.
        command("/api/members", """
                {"id": "RU-TYVA", "country": "RU", "name": "Tyva Republic", "category": "MEMBER",
                 "admittedOn": "2016-01-01", "basis": "OPENING_BALANCE"}""");
        long position = pay(2016, "{\"amount\": \"1180000\", \"currency\": \"KRW\"}", "2016-03-01").get("position").asLong();

        Map<String, String> answers = new LinkedHashMap<>();
        try (ServiceProcess queries = ServiceProcess.start("queryService", database.queryEnvironment())) {
            JsonNode april = query(queries, "/api/members/RU-TYVA/dues?asOf=2018-04-30&atLeast=" + position);
            assertThat(april.get("yearsInArrears").toString()).isEqualTo("[2017]");
            assertThat(april.get("standing").get("mayVote").asBoolean()).isTrue();

            JsonNode may = query(queries, "/api/rights/RU-TYVA?asOf=2018-05-01");
            assertThat(may.get("mayVote").asBoolean()).isFalse();
            assertThat(may.get("restriction").get("since").asText()).isEqualTo("2018-05-01");
            assertThat(may.get("restriction").get("yearsInArrears").toString()).isEqualTo("[2017,2018]");

            JsonNode resuming = pay(2019, "{\"amount\": \"1000\", \"currency\": \"USD\"}", "2019-02-10");
            JsonNode resumed = query(queries, "/api/rights/RU-TYVA?asOf=2019-05-01&atLeast="
                    + resuming.get("position").asLong());
            assertThat(resumed.get("mayVote").asBoolean()).isTrue();
            JsonNode nextYear = query(queries, "/api/rights/RU-TYVA?asOf=2020-05-01");
            assertThat(nextYear.get("restriction").get("since").asText()).isEqualTo("2020-05-01");
            assertThat(nextYear.get("restriction").get("yearsInArrears").toString()).isEqualTo("[2017,2018,2020]");

            long reversal = command("/api/dues-payments/" + resuming.get("id").asText() + "/reversal",
                    "{\"reversedOn\": \"2019-06-01\", \"reason\": \"transfer returned by the bank\"}")
                    .get("position").asLong();
            JsonNode reversed = query(queries, "/api/rights/RU-TYVA?asOf=2019-06-01&atLeast=" + reversal);
            assertThat(reversed.get("restriction").get("since").asText()).isEqualTo("2019-06-01");
            assertThat(query(queries, "/api/rights/RU-TYVA?asOf=2019-05-31").get("mayVote").asBoolean()).isTrue();

            for (String question : questions()) {
                answers.put(question, queries.http.get(question, READER).raw().body());
            }
        }

        // Rebuild: the views and their tokens go; the events stay.
        database.execute("DROP SCHEMA projection CASCADE");
        long head = database.count("SELECT MAX(global_index) FROM ledger.domain_event_entry");
        try (ServiceProcess rebuilt = ServiceProcess.start("queryService", database.queryEnvironment())) {
            query(rebuilt, "/api/rights?atLeast=" + head);
            for (String question : questions()) {
                assertThat(rebuilt.http.get(question, READER).raw().body()).as(question).isEqualTo(answers.get(question));
            }
        }
    }

    private static List<String> questions() {
        return List.of("/api/rights/RU-TYVA?asOf=2023-10-25", "/api/rights?asOf=2018-05-01",
                "/api/rights/RU-TYVA/history?until=2023-12-31", "/api/members/RU-TYVA/dues?asOf=2020-05-01");
    }

    private static JsonNode pay(int year, String paid, String paidOn) {
        return command("/api/members/" + TYVA + "/dues-payments", """
                {"fiscalYear": %d, "paid": %s, "credited": {"amount": "1000", "currency": "USD"},
                 "paidOn": "%s", "reference": "transfer of %s"}""".formatted(year, paid, paidOn, paidOn));
    }

    private static JsonNode command(String path, String body) {
        Http.Answer answer = commands.http.post(path, SECRETARIAT, UUID.randomUUID().toString(), body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static JsonNode query(ServiceProcess queries, String path) {
        Http.Answer answer = queries.http.get(path, READER);
        assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(200);
        return answer.json();
    }
}
