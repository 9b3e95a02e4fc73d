package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor rebuilds every view on PostgreSQL after NEAR's record and a few hundred more commands, with the query
 * service killed in the middle of the rebuild and started again: the rebuild completes, every checksum equals the
 * one before, and the 13th General Assembly's decisions re-derive as recorded.
 */
class RebuildIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String AUDITOR = "auditor:e2e-auditor";

    private static FreshDatabase database;
    private static ServiceProcess commands;

    @BeforeAll
    static void start() throws Exception {
        database = new FreshDatabase();
        commands = ServiceProcess.start("commandService", database.commandEnvironment(),
                "--ledger.import.reference-data=classpath:reference/near-2021.yaml");
    }

    @AfterAll
    static void stop() throws Exception {
        if (commands != null) {
            commands.close();
        }
        database.close();
    }

    @Test
    void aRebuildInterruptedByACrashCompletesWithTheSameChecksums() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "KR-GEN" + i;
            members.add(id);
            post("/api/members", "{\"id\": \"" + id + "\", \"country\": \"KR\", \"name\": \"Generated " + i + "\","
                    + " \"category\": \"MEMBER\", \"admittedOn\": \"2021-01-01\", \"basis\": \"OPENING_BALANCE\"}");
        }
        for (String member : members.subList(0, 100)) {
            post("/api/members/" + member + "/dues-payments", "{\"fiscalYear\": 2021, \"paid\": {\"amount\": \"1000\","
                    + " \"currency\": \"USD\"}, \"paidOn\": \"2021-03-02\"}");
        }
        long head = database.count("SELECT MAX(global_index) FROM ledger.domain_event_entry");

        String location;
        try (ServiceProcess queries = ServiceProcess.start("queryService", database.queryEnvironment())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> queries.http.get("/api/members?atLeast=" + head, AUDITOR)
                    .status() == 200);
            Http.Answer started = queries.http.post("/api/audit/rebuilds", AUDITOR, null, "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            location = started.header("Location").orElseThrow();
            queries.kill();
        }

        try (ServiceProcess restarted = ServiceProcess.start("queryService", database.queryEnvironment())) {
            JsonNode rebuild = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> restarted.http.get(location, AUDITOR).json(),
                            r -> r.get("status").asText().equals("COMPLETED"));

            assertThat(rebuild.get("checksumsEqual").asBoolean()).as(rebuild.toString()).isTrue();
            assertThat(rebuild.get("total").asLong()).isEqualTo(head);
            for (String motion : new String[]{"GA13-M1", "GA13-M2"}) {
                JsonNode derivation = restarted.http.get("/api/audit/motions/" + motion + "/derivation", AUDITOR).json();
                assertThat(derivation.get("consistent").asBoolean()).isTrue();
                assertThat(derivation.get("outcome").asText()).isEqualTo("PASSED");
                assertThat(derivation.get("recomputed").get("rollSize").asInt()).isEqualTo(78);
                assertThat(derivation.get("recomputed").get("present").asInt()).isEqualTo(76);
            }
            JsonNode register = restarted.http.get("/api/members?asOf=2021-01-01", AUDITOR).json();
            assertThat(register.get("total").asInt()).isEqualTo(382);
        }
    }

    private static void post(String path, String body) {
        Http.Answer answer = commands.http.post(path, SECRETARIAT, UUID.randomUUID().toString(), body);
        assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(201);
    }
}
