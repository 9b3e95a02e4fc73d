package org.charterledger.command.voting;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.command.OwnLedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passed motions take effect in the transaction that decides them, over HTTP on PostgreSQL: a dues rate and an
 * expulsion; a failed motion has no effect; an admission by decision cannot be requested directly.
 */
class DecisionEffectsIT extends OwnLedgerIT {

    private static final List<String> MEMBERS = List.of("KR-BUSAN", "KR-DAEGU", "KR-INCHEON");

    private String meeting;

    @BeforeEach
    void threeMembersAtAGeneralAssembly() {
        if (count("org.charterledger.events.MemberAdmitted") == 0) {
            for (String member : MEMBERS) {
                post("/api/members", """
                        {"id": "%s", "country": "KR", "name": "%s", "category": "MEMBER", "admittedOn": "2021-01-01",
                         "basis": "OPENING_BALANCE"}""".formatted(member, member), 201);
            }
        }
        meeting = "GA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        post("/api/meetings", """
                {"id": "%s", "body": "GA", "ordinal": 14, "host": "KR-BUSAN", "venue": "Busan",
                 "firstDay": "2021-09-01", "lastDay": "2021-09-01"}""".formatted(meeting), 201);
    }

    @Test
    void aPassedDuesMotionChangesTheRate() throws Exception {
        decide("M1", 2, "{\"type\": \"CHANGE_DUES_RATE\", \"amount\": {\"amount\": \"1200\", \"currency\": \"USD\"},"
                + " \"fromYear\": 2023}", 3);

        JsonNode change = json.readTree(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry
                        WHERE payload_type = 'org.charterledger.events.DuesRateChanged'""")
                .query(byte[].class).single());
        assertThat(change.get("amount").get("amount").asText()).isEqualTo("1200.00");
        assertThat(change.get("fromYear").asInt()).isEqualTo(2023);
        assertThat(change.get("decidedBy").asText()).isEqualTo(meeting + "-M1");
    }

    @Test
    void aPassedExpulsionExpelsAndAFailedOneDoesNot() {
        long before = count("org.charterledger.events.MemberExpelled");
        decide("M2", 1, "{\"type\": \"EXPEL\", \"party\": \"KR-INCHEON\"}", 1);
        assertThat(count("org.charterledger.events.MemberExpelled")).isEqualTo(before);

        decide("M3", 1, "{\"type\": \"EXPEL\", \"party\": \"KR-INCHEON\"}", 3);
        assertThat(count("org.charterledger.events.MemberExpelled")).isEqualTo(before + 1);
    }

    @Test
    void anAdmissionByDecisionIsOnlyTheEffectOfAMotion() {
        post("/api/members", """
                {"id": "KR-ULSAN", "country": "KR", "name": "Ulsan", "category": "MEMBER", "admittedOn": "2021-01-01",
                 "basis": "DECISION"}""", 400);
    }

    /**
     * A vote and a decision fall on the meeting's days (a decision not before the last vote); dates not given are
     * the meeting's last day, not the day the request is sent. A refusal names the field and the rule, and
     * appends nothing.
     */
    @Test
    void votesAndDecisionsAreHeldToTheMeetingsDays() throws Exception {
        String motion = meeting + "-D1";
        post("/api/motions", """
                {"id": "%s", "meeting": "%s", "item": 7, "subject": "Settle the accounts", "procedure": "SITTING"}"""
                .formatted(motion, meeting), 201);
        long events = count(null);

        assertRefused(answer("/api/motions/" + motion + "/votes",
                "{\"member\": \"KR-BUSAN\", \"choice\": \"YES\", \"castOn\": \"2000-01-01\"}"),
                "castOn", "vote-within-meeting");
        assertRefused(answer("/api/motions/" + motion + "/votes",
                "{\"member\": \"KR-BUSAN\", \"choice\": \"YES\", \"castOn\": \"2021-09-02\"}"),
                "castOn", "vote-within-meeting");
        assertThat(count(null)).isEqualTo(events);

        post("/api/motions/" + motion + "/votes", "{\"member\": \"KR-BUSAN\", \"choice\": \"YES\"}", 201);
        post("/api/motions/" + motion + "/votes",
                "{\"member\": \"KR-DAEGU\", \"choice\": \"YES\", \"castOn\": \"2021-09-01\"}", 201);
        assertThat(payload(motion, "VoteCast").get("castOn").asText()).isEqualTo("2021-09-01");

        events = count(null);
        assertRefused(answer("/api/motions/" + motion + "/closure", "{\"decidedOn\": \"2021-08-31\"}"),
                "decidedOn", "decision-within-meeting");
        assertThat(count(null)).isEqualTo(events);

        post("/api/motions/" + motion + "/closure", "", 201);
        assertThat(payload(motion, "MotionDecided").get("decidedOn").asText()).isEqualTo("2021-09-01");
    }

    /**
     * A round of written ballots is recorded all or none: one ballot refused (a member twice), nothing is appended
     * and the problem names each refused ballot; the round corrected is recorded, one event per ballot; sent again
     * with its key it is answered as before and appends nothing.
     */
    @Test
    void aRoundOfBallotsIsRecordedAllOrNone() throws Exception {
        String motion = meeting + "-B1";
        post("/api/motions", """
                {"id": "%s", "meeting": "%s", "item": 7, "subject": "Settle the accounts",
                 "procedure": "WRITTEN_BALLOT"}""".formatted(motion, meeting), 201);
        long events = count(null);

        ResponseEntity<String> refused = answer("/api/motions/" + motion + "/ballots", """
                {"ballots": [{"member": "KR-BUSAN", "choice": "YES"}, {"member": "KR-DAEGU", "choice": "NO"},
                             {"member": "KR-BUSAN", "choice": "NO"}]}""");

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).endsWith("ballots-refused");
        assertThat(problem.get("field").asText()).isEqualTo("ballots[2].member");
        assertThat(problem.get("rule").asText()).isEqualTo("one-vote");
        assertThat(problem.get("refusals")).hasSize(1);
        assertThat(problem.get("refusals").get(0).get("member").asText()).isEqualTo("KR-BUSAN");
        assertThat(problem.get("refusals").get(0).get("article").asText()).isEqualTo("Charter Art. 9(1)");
        assertThat(count(null)).isEqualTo(events);

        String round = """
                {"ballots": [{"member": "KR-BUSAN", "choice": "YES"},
                             {"member": "KR-DAEGU", "choice": "ABSTAIN", "castOn": "2021-09-01"}]}""";
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> recorded = answer("/api/motions/" + motion + "/ballots", round, key);
        assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
        assertThat(count(null)).isEqualTo(events + 2);

        ResponseEntity<String> again = answer("/api/motions/" + motion + "/ballots", round, key);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(json.readTree(again.getBody()).get("position").asLong())
                .isEqualTo(json.readTree(recorded.getBody()).get("position").asLong());
        assertThat(count(null)).isEqualTo(events + 2);
    }

    private void assertRefused(ResponseEntity<String> answer, String field, String rule) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(422);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
    }

    private JsonNode payload(String aggregate, String type) throws Exception {
        return json.readTree(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry WHERE aggregate_identifier = ?
                        AND payload_type = ? ORDER BY global_index LIMIT 1""")
                .params(aggregate, "org.charterledger.events." + type).query(byte[].class).single());
    }

    /** Opens a motion with the effect, has {@code yes} of the three members vote for it, closes it. */
    private void decide(String suffix, int item, String effect, int yes) {
        String motion = meeting + "-" + suffix;
        post("/api/motions", """
                {"id": "%s", "meeting": "%s", "item": %d, "subject": "a decision", "procedure": "WRITTEN_BALLOT",
                 "effect": %s}""".formatted(motion, meeting, item, effect), 201);
        for (int i = 0; i < MEMBERS.size(); i++) {
            String choice = i < yes ? "YES" : "NO";
            post("/api/motions/" + motion + "/votes", """
                    {"member": "%s", "choice": "%s", "castOn": "2021-09-01"}""".formatted(MEMBERS.get(i), choice), 201);
        }
        post("/api/motions/" + motion + "/closure", "{\"decidedOn\": \"2021-09-01\"}", 201);
    }

    /** Events of a type, or of every type when {@code type} is {@code null}. */
    private long count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE CAST(? AS VARCHAR(255)) IS NULL"
                        + " OR payload_type = ?")
                .params(type, type).query(Long.class).single();
    }

    private void post(String path, String body, int status) {
        ResponseEntity<String> answer = answer(path, body);
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(status);
    }

    private ResponseEntity<String> answer(String path, String body) {
        return answer(path, body, UUID.randomUUID().toString());
    }

    private ResponseEntity<String> answer(String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", idempotencyKey);
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(path, new HttpEntity<>(body.isEmpty() ? null : body, headers), String.class);
    }
}
