package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events already stored that a view cannot hold (a NUL in a name, which PostgreSQL refuses in text; an amount beyond
 * the view's precision; a number too long to read) are parked in the dead-letter queue with the later events of
 * their aggregate; every other event still reaches every view, the audit chain covers every stored row, an auditor
 * sees the parked letters and their cause, a retry leaves them parked while the cause remains, and a rebuild completes
 * with the same checksums.
 */
class DeadLettersIT extends LedgerIT {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
    }

    @Test
    void aPoisonEventIsParkedAndTheRestFlows() throws Exception {
        String poisoned = newId("KR");
        String payer = newId("KR");
        String later = newId("KR");
        store(poisoned, 0, "org.charterledger.events.MemberAdmitted", "2", admission(poisoned, "a\\u0000b"));
        store(payer, 0, "org.charterledger.events.MemberAdmitted", "2", admission(payer, "Payer"));
        store(payer, 1, "org.charterledger.events.DuesPaid", "1", payment(payer, "1000000000000000"));
        store(payer, 2, "org.charterledger.events.DuesPaid", "1", payment(payer, "1E+2000"));
        long head = store(later, 0, "org.charterledger.events.MemberAdmitted", "2", admission(later, "Later"));

        ResponseEntity<String> reached = await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/api/members/" + later + "?atLeast=" + head), r -> r.getStatusCode().value() == 200);
        assertThat(body(reached).get("name").asText()).isEqualTo("Later");
        assertThat(get("/api/members/" + poisoned).getStatusCode().value()).isEqualTo(404);
        assertThat(body(get("/api/members/" + payer)).get("name").asText()).isEqualTo("Payer");

        JsonNode digest = await().atMost(Duration.ofSeconds(10))
                .until(() -> body(get("/api/audit/digest")), d -> d.get("position").asLong() == head);
        assertThat(digest.get("unchained").asLong()).isZero();

        JsonNode letters = body(get("/api/audit/dead-letters"));
        assertThat(letters.get("parked").asLong()).isEqualTo(3);
        assertThat(letters.get("letters").findValuesAsText("sequence")).containsExactlyInAnyOrder(poisoned, payer, payer);
        assertThat(letters.get("letters").findValuesAsText("view")).containsExactlyInAnyOrder("register", "dues", "dues");
        assertThat(letters.get("letters").get(0).get("position").asLong()).isPositive();
        assertThat(letters.get("letters").get(0).get("cause").asText()).isNotEmpty();
        assertThat(http.getForObject("/actuator/health", String.class)).doesNotContain("parked");
        assertThat(http.withBasicAuth("auditor", "test-auditor").getForObject("/actuator/health", String.class))
                .contains("\"parked\":3");
        JsonNode processors = json.readTree(http.withBasicAuth("auditor", "test-auditor")
                .getForObject("/actuator/health", String.class)).get("components").get("processors").get("details");
        assertThat(processors.get("register").get("deadLetters").asLong()).isEqualTo(1);
        assertThat(processors.get("dues").get("deadLetters").asLong()).isEqualTo(2);
        assertThat(processors.get("motions").get("deadLetters").asLong()).isZero();

        ResponseEntity<String> forbidden = http.withBasicAuth("reader", "test-reader")
                .postForEntity("/api/audit/dead-letters/retries", null, String.class);
        assertProblem(forbidden, 403, "forbidden", null);
        ResponseEntity<String> retried = http.withBasicAuth("auditor", "test-auditor")
                .postForEntity("/api/audit/dead-letters/retries", null, String.class);
        assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(200);
        assertThat(json.readTree(retried.getBody()).get("stillParked").asLong()).isEqualTo(3);

        ResponseEntity<String> started = http.withBasicAuth("auditor", "test-auditor")
                .postForEntity("/api/audit/rebuilds", null, String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        JsonNode rebuild = await().atMost(Duration.ofSeconds(20))
                .until(() -> body(get(location)), r -> r.get("status").asText().equals("COMPLETED"));
        assertThat(rebuild.get("checksumsEqual").asBoolean()).isTrue();
        assertThat(body(get("/api/members/" + later)).get("name").asText()).isEqualTo("Later");
    }

    /** Stores an event row as the command service's engine would, whatever its payload: answers its position. */
    private long store(String aggregate, long sequence, String type, String revision, String payload) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO ledger.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Member', ?, ?, ?, ?, ?)""")
                .params(id, aggregate, sequence, Instant.now().toString(), type, revision,
                        payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8))
                .update();
        return jdbc.sql("SELECT global_index FROM ledger.domain_event_entry WHERE event_identifier = ?").param(id)
                .query(Long.class).single();
    }

    private static String admission(String id, String name) {
        return """
                {"member": "%s", "country": "KR", "name": "%s", "localName": null, "category": "OBSERVER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE", "decidedBy": null}""".formatted(id, name);
    }

    private static String payment(String member, String amount) {
        return """
                {"member": "%s", "payment": "%s", "year": 2021, "paid": {"amount": "%s", "currency": "USD"},
                 "credited": {"amount": "%s", "currency": "USD"}, "paidOn": "2021-03-02", "reference": null}"""
                .formatted(member, UUID.randomUUID(), amount, amount);
    }
}
