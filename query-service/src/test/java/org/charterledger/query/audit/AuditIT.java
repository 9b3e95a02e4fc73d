package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.VoteCast;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor's toolkit on PostgreSQL, on a ledger of its own: a sitting of three members decides a motion; the
 * record, the digest and its verification, the derivation and the certificate; then rows edited, deleted and
 * reordered directly in the database (by a DBA who disables the append-only trigger) are each caught at the right
 * position.
 */
class AuditIT extends LedgerIT {


    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
    }

    private long decided;
    private Dba dba;

    @BeforeEach
    void aMotionDecidedAtASitting() {
        dba = new Dba(jdbc, transactions);
        if (jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single() > 0) {
            decided = jdbc.sql("SELECT MAX(global_index) FROM ledger.domain_event_entry").query(Long.class).single();
            return;
        }
        decided = SittingOfGa12.appendTo(this::append);
    }

    @Test
    void theRecordIsReadByPositionWithBusinessDatesAndFilters() throws Exception {
        JsonNode page = awaitPage("/api/audit/events?after=0&limit=4");

        assertThat(page.get("events")).hasSize(4);
        JsonNode first = page.get("events").get(0);
        assertThat(first.get("type").asText()).isEqualTo("MemberAdmitted");
        assertThat(first.get("revision").asText()).isEqualTo("2");
        assertThat(first.get("businessDate").asText()).isEqualTo("2016-01-01");
        assertThat(first.get("payload").get("member").asText()).isEqualTo("KR-BUSAN");
        assertThat(page.get("next").asLong()).isEqualTo(page.get("events").get(3).get("position").asLong());

        JsonNode votes = body(get("/api/audit/events?type=VoteCast&aggregate=GA12-M1"));
        assertThat(votes.get("events")).hasSize(2);
        JsonNode in2019 = body(get("/api/audit/events?from=2019-01-01&to=2019-12-31"));
        assertThat(in2019.get("events").findValuesAsText("type")).doesNotContain("MemberAdmitted");
        assertProblem(get("/api/audit/events?limit=0"), 400, "malformed-request", "limit");
    }

    @Test
    void aDecisionIsReDerivedFromItsEventsAndCertified() throws Exception {
        JsonNode derivation = body(get("/api/audit/motions/GA12-M1/derivation"));

        assertThat(derivation.get("consistent").asBoolean()).isTrue();
        assertThat(derivation.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(derivation.get("recomputed").get("present").asInt()).isEqualTo(3);
        assertThat(derivation.get("recomputed").get("thresholdTest").asText()).isEqualTo("3·2 = 6 ≥ 2·3 = 6");

        await().atMost(Duration.ofSeconds(15)).until(() -> body(get("/api/audit/digest")).get("position").asLong() >= decided);
        JsonNode certificate = body(get("/api/audit/motions/GA12-M1/certificate"));
        assertThat(certificate.get("lastPosition").asLong()).isEqualTo(decided);
        assertThat(certificate.get("chainLink").asText()).hasSize(64);
        assertThat(certificate.get("ballots")).hasSize(2);
        assertThat(certificate.get("present")).hasSize(3);
        assertThat(certificate.get("attendance")).hasSize(3);
        assertProblem(get("/api/audit/motions/GA99-M9/derivation"), 404, "not-found", "id");
    }

    @Test
    void tamperingIsCaughtAtThePositionItHappened() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> body(get("/api/audit/digest")).get("position").asLong() >= decided);
        JsonNode digest = body(get("/api/audit/digest"));
        long head = digest.get("position").asLong();
        String link = digest.get("link").asText();
        assertThat(digest.get("unchained").asLong()).isZero();
        assertThat(verify(head, link).get("valid").asBoolean()).isTrue();
        long voteA = decided - 2;
        long voteB = decided - 1;

        // one byte of a payload
        byte[] original = dba.payload(voteA);
        byte[] edited = original.clone();
        edited[edited.length - 3] ^= 1;
        dba.setPayload(voteA, edited);
        assertTampered(head, link, voteA);
        dba.setPayload(voteA, original);
        assertThat(verify(head, link).get("valid").asBoolean()).isTrue();

        // one row deleted, then put back as it was
        var row = jdbc.sql("SELECT * FROM ledger.domain_event_entry WHERE global_index = ?").param(voteB)
                .query().singleRow();
        dba.delete(voteB);
        assertTampered(head, link, voteB);
        jdbc.sql("""
                        INSERT INTO ledger.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                        row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                        row.get("payload_revision"), row.get("payload"), row.get("meta_data"))
                .update();
        assertThat(verify(head, link).get("valid").asBoolean()).isTrue();

        // two rows swapped
        byte[] a = dba.payload(voteA);
        byte[] b = dba.payload(voteB);
        dba.setPayload(voteA, b);
        dba.setPayload(voteB, a);
        assertTampered(head, link, voteA);
        dba.setPayload(voteA, a);
        dba.setPayload(voteB, b);
        assertThat(verify(head, link).get("valid").asBoolean()).isTrue();
    }

    @Test
    void everyViewIsRebuiltFromTheEventsWithTheSameChecksums() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/motions/GA12-M1?atLeast=" + decided)
                .getStatusCode().value() == 200);
        String motionBefore = get("/api/motions/GA12-M1").getBody();
        String rightsBefore = get("/api/rights?asOf=2020-01-01").getBody();

        ResponseEntity<String> refused = http.withBasicAuth("reader", "test-reader")
                .postForEntity("/api/audit/rebuilds", null, String.class);
        ResponseEntity<String> started = http.withBasicAuth("auditor", "test-auditor")
                .postForEntity("/api/audit/rebuilds", null, String.class);

        assertProblem(refused, 403, "forbidden", null);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        ResponseEntity<String> second = http.withBasicAuth("auditor", "test-auditor")
                .postForEntity("/api/audit/rebuilds", null, String.class);
        if (body(get(location)).get("status").asText().equals("RUNNING")) {
            assertThat(assertProblem(second, 409, "rebuild-running", null).get("rule").asText())
                    .isEqualTo("one-rebuild-at-a-time");
        }
        JsonNode rebuild = await().atMost(Duration.ofSeconds(30))
                .until(() -> body(get(location)), r -> r.get("status").asText().equals("COMPLETED"));
        assertThat(rebuild.get("checksumsEqual").asBoolean()).isTrue();
        assertThat(rebuild.get("checksumsBefore")).hasSize(5);
        assertThat(rebuild.get("replayed").asLong()).isEqualTo(rebuild.get("total").asLong());
        assertThat(get("/api/motions/GA12-M1").getBody()).isEqualTo(motionBefore);
        assertThat(get("/api/rights?asOf=2020-01-01").getBody()).isEqualTo(rightsBefore);
        assertThat(body(get("/api/audit/motions/GA12-M1/derivation")).get("consistent").asBoolean()).isTrue();
    }

    private void assertTampered(long head, String link, long at) throws Exception {
        JsonNode verification = verify(head, link);
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstDifference").asLong()).isEqualTo(at);
    }

    private JsonNode verify(long position, String digest) throws Exception {
        return body(get("/api/audit/verification?position=" + position + "&digest=" + digest));
    }

    private JsonNode awaitPage(String path) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> body(get(path)), page -> page.get("events").size() == 4);
    }
}
