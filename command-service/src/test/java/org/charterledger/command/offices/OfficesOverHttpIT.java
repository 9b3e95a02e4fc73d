package org.charterledger.command.offices;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.command.OwnLedgerIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offices and subcommittees over HTTP on PostgreSQL, with NEAR's record imported: the Charter's rules refuse what
 * they forbid, malformed requests are problems, and nothing is appended by either.
 */
@TestPropertySource(properties = OwnLedgerIT.NEAR)
class OfficesOverHttpIT extends OwnLedgerIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an observer as coordinator | /api/motions | {"id": "EC2022-R1", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "APPOINT_COORDINATORS", "subcommittee": 8, "coordinators": ["JP-MIYAGI"]}} | 422 | effect.coordinators | members-only
            an associate as coordinator | /api/motions | {"id": "EC2022-R2", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "APPOINT_COORDINATORS", "subcommittee": 8, "coordinators": ["VN-HO-CHI-MINH-CITY"]}} | 422 | effect.coordinators | members-only
            no coordinator at all      | /api/motions | {"id": "EC2022-R3", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "APPOINT_COORDINATORS", "subcommittee": 8, "coordinators": []}} | 422 | effect.coordinators | one-or-more
            a subcommittee twice       | /api/motions | {"id": "EC2022-R4", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "ESTABLISH_SUBCOMMITTEE", "subcommittee": 8, "name": "Tourism"}} | 409 | effect.subcommittee | established-once
            a subcommittee number 0    | /api/motions | {"id": "EC2022-R5", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "ESTABLISH_SUBCOMMITTEE", "subcommittee": 0, "name": "X"}} | 422 | effect.subcommittee | subcommittee-number
            a subcommittee by an Art. 8 motion | /api/motions | {"id": "EC2022-R7", "meeting": "EC2022", "item": 7, "subject": "x", "procedure": "WRITTEN_BALLOT", "effect": {"type": "ESTABLISH_SUBCOMMITTEE", "subcommittee": 21, "name": "X"}} | 422 | kind | subcommittee-motion
            an activity ending early   | /api/subcommittees/2/activities   | {"firstDay": "2022-05-02", "lastDay": "2022-05-01"} | 422 | lastDay | last-day-after-first
            a Secretary-General while one is in office | /api/offices/secretary-general | {"name": "LEE", "proposedBy": "KR-ULSAN", "appointedBy": "KR-ULSAN", "from": "2022-01-03"} | 409 | name | one-at-a-time
            an acting chair with no reason | /api/offices/chair/acting     | {"deputy": "First Deputy", "from": "2022-01-03"} | 400 | reason | NotBlank
            an acting chair before the term | /api/offices/chair/acting    | {"deputy": "First Deputy", "from": "2021-08-01", "reason": "abroad"} | 422 | from | within-the-term
            """)
    void refusalsAppendNothing(String what, String path, String body, int status, String field, String rule)
            throws Exception {
        anExecutiveCommitteeIn2022();
        long before = events();

        ResponseEntity<String> answer = post(path, body);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theChairAppointsTheSecretaryGeneralProposedByTheSecretariatsHost() throws Exception {
        assertThat(post("/api/offices/secretary-general/end", "{\"on\": \"2022-01-02\"}").getStatusCode().value())
                .isEqualTo(201);

        ResponseEntity<String> notTheChair = post("/api/offices/secretary-general",
                "{\"name\": \"LEE\", \"proposedBy\": \"KR-GYEONGBUK\", \"appointedBy\": \"RU-SAKHA\", \"from\": \"2022-01-03\"}");
        ResponseEntity<String> appointed = post("/api/offices/secretary-general",
                "{\"name\": \"LEE\", \"proposedBy\": \"KR-GYEONGBUK\", \"appointedBy\": \"KR-ULSAN\", \"from\": \"2022-01-03\"}");

        assertThat(notTheChair.getStatusCode().value()).as(notTheChair.getBody()).isEqualTo(422);
        assertThat(notTheChair.getBody()).contains("KR-ULSAN on 2022-01-03");
        assertThat(json.readTree(notTheChair.getBody()).get("rule").asText()).isEqualTo("appointed-by-the-chair");
        assertThat(appointed.getStatusCode().value()).as(appointed.getBody()).isEqualTo(201);
    }

    /**
     * The Executive Committee renews Tourism's coordinators by a motion that passed; the term runs on from its end
     * and cites the motion. A motion that failed changes nothing.
     */
    /** What the Executive Committee decides has no endpoint of its own: it is the effect of a motion that passed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/subcommittees/8/coordinators/renewal | {"decidedBy": "EC 2022"}
            /api/subcommittees/8/coordinators         | {"coordinators": ["KR-ULSAN"], "start": "2022-01-01", "decidedBy": "EC 2021"}
            /api/subcommittees                        | {"number": 21, "name": "X", "founded": "2022-01-01", "decidedBy": "EC"}
            """)
    void aSubcommitteeAndItsCoordinatorsAreDecidedOnlyByAMotion(String path, String body) throws Exception {
        anExecutiveCommitteeIn2022();
        long before = events();

        ResponseEntity<String> refused = post(path, body);

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(404);
        assertThat(json.readTree(refused.getBody()).get("type").asText())
                .isEqualTo("urn:charter-ledger:problem:not-found");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aCoordinatorsTermIsRenewedFromItsEndByAMotionThatPassed() throws Exception {
        anExecutiveCommitteeIn2022();
        long appointments = events("CoordinatorAppointed");

        decide("EC2022-M8", "{\"type\": \"RENEW_COORDINATORS\", \"subcommittee\": 8}", false);
        assertThat(events("CoordinatorAppointed")).isEqualTo(appointments);

        decide("EC2022-M9", "{\"type\": \"RENEW_COORDINATORS\", \"subcommittee\": 8}", true);
        JsonNode event = json.readTree(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry WHERE aggregate_identifier = 'SC-8'
                        ORDER BY sequence_number DESC LIMIT 1""").query(byte[].class).single());
        assertThat(event.get("termStart").asText()).isEqualTo("2023-01-01");
        assertThat(event.get("termEnd").asText()).isEqualTo("2025-01-01");
        assertThat(event.get("renewal").asBoolean()).isTrue();
        assertThat(event.get("decidedBy").asText()).isEqualTo("EC2022-M9");
    }

    /** A subcommittee set up, and its coordinator appointed, each by a motion that passed and cites it. */
    @Test
    void aSubcommitteeAndItsCoordinatorAreEachTheEffectOfAMotion() throws Exception {
        anExecutiveCommitteeIn2022();

        decide("EC2022-M10", "{\"type\": \"ESTABLISH_SUBCOMMITTEE\", \"subcommittee\": 21, \"name\": \"Digital"
                + " Government\", \"field\": \"e-government\"}", true);
        decide("EC2022-M11", "{\"type\": \"APPOINT_COORDINATORS\", \"subcommittee\": 21, \"coordinators\":"
                + " [\"KR-GYEONGBUK\"]}", true);

        List<JsonNode> sc21 = jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry WHERE aggregate_identifier = 'SC-21'
                        ORDER BY sequence_number""").query(byte[].class).list().stream().map(this::read).toList();
        assertThat(sc21).hasSize(2);
        assertThat(sc21.get(0).get("founded").asText()).isEqualTo("2022-03-15");
        assertThat(sc21.get(0).get("decidedBy").asText()).isEqualTo("EC2022-M10");
        assertThat(sc21.get(1).get("coordinators").toString()).isEqualTo("[\"KR-GYEONGBUK\"]");
        assertThat(sc21.get(1).get("termStart").asText()).isEqualTo("2022-03-15");
        assertThat(sc21.get(1).get("decidedBy").asText()).isEqualTo("EC2022-M11");
    }

    /** A one-day Executive Committee on 2022-03-15 (no General Assembly that year), convened once. */
    private void anExecutiveCommitteeIn2022() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "ec2022-convene");
        ResponseEntity<String> convened = http.withBasicAuth("secretariat", "test-secretariat").postForEntity(
                "/api/meetings", new HttpEntity<>("""
                        {"id": "EC2022", "body": "EC", "ordinal": 1, "host": "KR-GYEONGBUK", "venue": "Pohang",
                         "firstDay": "2022-03-15", "lastDay": "2022-03-15"}""", headers), String.class);
        assertThat(convened.getStatusCode().value()).as(convened.getBody()).isEqualTo(201);
    }

    /**
     * Opens a SUBCOMMITTEE motion with the effect at EC2022 by written ballot; the first 41 members of its roll
     * return a ballot, all YES when it is to pass, else all NO; then closes it.
     */
    private void decide(String motion, String effect, boolean passes) throws Exception {
        ResponseEntity<String> opened = post("/api/motions", """
                {"id": "%s", "meeting": "EC2022", "kind": "SUBCOMMITTEE", "subject": "a decision on a subcommittee",
                 "procedure": "WRITTEN_BALLOT", "effect": %s}""".formatted(motion, effect));
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        JsonNode roll = read(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry WHERE aggregate_identifier = ?
                        AND sequence_number = 0""").param(motion).query(byte[].class).single()).get("roll");
        for (int i = 0; i < 41; i++) {
            ResponseEntity<String> vote = post("/api/motions/" + motion + "/votes", "{\"member\": \""
                    + roll.get(i).get("member").asText() + "\", \"choice\": \"" + (passes ? "YES" : "NO") + "\"}");
            assertThat(vote.getStatusCode().value()).as(vote.getBody()).isEqualTo(201);
        }
        ResponseEntity<String> closed = post("/api/motions/" + motion + "/closure", "{}");
        assertThat(closed.getStatusCode().value()).as(closed.getBody()).isEqualTo(201);
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long events(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE payload_type = ?")
                .param("org.charterledger.events." + type).query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
