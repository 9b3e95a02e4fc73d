package org.charterledger.command.offices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.command.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offices and subcommittees over HTTP on PostgreSQL, with NEAR's record imported: the Charter's rules refuse what
 * they forbid, malformed requests are problems, and nothing is appended by either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.import.reference-data=classpath:reference/near-2021.yaml")
@ActiveProfiles({"postgres", "test"})
class OfficesOverHttpIT {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an observer as coordinator | /api/subcommittees/8/coordinators | {"coordinators": ["JP-MIYAGI"], "start": "2022-01-01", "decidedBy": "EC 2021"} | 422 | coordinators
            an associate as coordinator | /api/subcommittees/8/coordinators | {"coordinators": ["VN-HO-CHI-MINH-CITY"], "start": "2022-01-01", "decidedBy": "EC 2021"} | 422 | coordinators
            no coordinator at all      | /api/subcommittees/8/coordinators | {"coordinators": [], "start": "2022-01-01", "decidedBy": "EC 2021"} | 400 | coordinators
            a subcommittee twice       | /api/subcommittees                | {"number": 8, "name": "Tourism", "founded": "2008-01-01", "decidedBy": "EC"} | 409 | number
            a subcommittee number 0    | /api/subcommittees                | {"number": 0, "name": "X", "founded": "2008-01-01", "decidedBy": "EC"} | 400 | number
            an activity ending early   | /api/subcommittees/2/activities   | {"firstDay": "2022-05-02", "lastDay": "2022-05-01"} | 422 | lastDay
            a Secretary-General while one is in office | /api/offices/secretary-general | {"name": "LEE", "proposedBy": "KR-ULSAN", "appointedBy": "KR-ULSAN", "from": "2022-01-03"} | 409 | name
            an acting chair with no reason | /api/offices/chair/acting     | {"deputy": "First Deputy", "from": "2022-01-03"} | 400 | reason
            an acting chair before the term | /api/offices/chair/acting    | {"deputy": "First Deputy", "from": "2021-08-01", "reason": "abroad"} | 422 | from
            """)
    void refusalsAppendNothing(String what, String path, String body, int status, String field) throws Exception {
        long before = events();

        ResponseEntity<String> answer = post(path, body);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theChairAppointsTheSecretaryGeneralProposedByTheSecretariatsHost() {
        assertThat(post("/api/offices/secretary-general/end", "{\"on\": \"2022-01-02\"}").getStatusCode().value())
                .isEqualTo(201);

        ResponseEntity<String> notTheChair = post("/api/offices/secretary-general",
                "{\"name\": \"LEE\", \"proposedBy\": \"KR-GYEONGBUK\", \"appointedBy\": \"RU-SAKHA\", \"from\": \"2022-01-03\"}");
        ResponseEntity<String> appointed = post("/api/offices/secretary-general",
                "{\"name\": \"LEE\", \"proposedBy\": \"KR-GYEONGBUK\", \"appointedBy\": \"KR-ULSAN\", \"from\": \"2022-01-03\"}");

        assertThat(notTheChair.getStatusCode().value()).as(notTheChair.getBody()).isEqualTo(422);
        assertThat(notTheChair.getBody()).contains("KR-ULSAN on 2022-01-03");
        assertThat(appointed.getStatusCode().value()).as(appointed.getBody()).isEqualTo(201);
    }

    @Test
    void aCoordinatorsTermIsRenewedFromItsEnd() throws Exception {
        ResponseEntity<String> renewed = post("/api/subcommittees/8/coordinators/renewal", "{\"decidedBy\": \"EC 2022\"}");

        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(201);
        JsonNode event = json.readTree(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry WHERE aggregate_identifier = 'SC-8'
                        ORDER BY sequence_number DESC LIMIT 1""").query(byte[].class).single());
        assertThat(event.get("termStart").asText()).isEqualTo("2023-01-01");
        assertThat(event.get("termEnd").asText()).isEqualTo("2025-01-01");
        assertThat(event.get("renewal").asBoolean()).isTrue();
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
