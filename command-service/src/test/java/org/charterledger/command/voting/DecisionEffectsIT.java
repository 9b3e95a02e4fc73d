package org.charterledger.command.voting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.command.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passed motions take effect in the transaction that decides them, over HTTP on PostgreSQL: a dues rate and an
 * expulsion; a failed motion has no effect; an admission by decision cannot be requested directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class DecisionEffectsIT {

    private static final List<String> MEMBERS = List.of("KR-BUSAN", "KR-DAEGU", "KR-INCHEON");

    @DynamicPropertySource
    static void cleanDatabase(DynamicPropertyRegistry properties) {
        FreshDatabase.use(properties);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

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

    private long count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE payload_type = ?")
                .param(type).query(Long.class).single();
    }

    private void post(String path, String body, int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        ResponseEntity<String> answer = http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(status);
    }
}
