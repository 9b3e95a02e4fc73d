package org.charterledger.command.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The command service over real HTTP, on PostgreSQL migrated by Flyway. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class AdmissionOverHttpIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void admitsAPartyAndAnswersWithTheLedgerPositionOfItsEvent() throws Exception {
        String id = newId("KR");
        String key = UUID.randomUUID().toString();

        ResponseEntity<String> response = post("secretariat", key, admission(id, "KR", "MEMBER"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.getBody());
        assertThat(receipt.get("id").asText()).isEqualTo(id);
        long position = receipt.get("position").asLong();
        assertThat(position).isPositive();
        assertThat(response.getHeaders().getFirst("Ledger-Position")).isEqualTo(Long.toString(position));

        var stored = jdbc.sql("""
                        SELECT global_index, payload_type, payload_revision, payload, meta_data
                        FROM ledger.domain_event_entry WHERE aggregate_identifier = ?""")
                .param(id).query((rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new String(rs.getBytes(4)), new String(rs.getBytes(5)))).single();
        assertThat(stored.get(0)).isEqualTo(position);
        assertThat(stored.get(1)).isEqualTo("org.charterledger.events.MemberAdmitted");
        assertThat(stored.get(2)).isEqualTo("2");
        assertThat(json.readTree((String) stored.get(3)).get("admittedOn").asText()).isEqualTo("2021-01-01");
        JsonNode metadata = json.readTree((String) stored.get(4));
        assertThat(metadata.get("principal").asText()).isEqualTo("secretariat");
        assertThat(metadata.get("requestId").asText()).isEqualTo(key);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndAppendsNothing() {
        String id = newId("MN");
        String key = UUID.randomUUID().toString();
        String body = admission(id, "MN", "MEMBER");
        ResponseEntity<String> first = post("secretariat", key, body);
        // the same request, its fields in another order and spacing
        ResponseEntity<String> retry = post("secretariat", key, reordered(body));

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String id = newId("JP");
        String key = UUID.randomUUID().toString();
        post("secretariat", key, admission(id, "JP", "MEMBER"));

        ResponseEntity<String> other = post("secretariat", key, admission(newId("JP"), "JP", "MEMBER"));

        JsonNode problem = assertProblem(other, 422, "idempotency-key-reused", "Idempotency-Key");
        assertThat(problem.get("rule").asText()).isEqualTo("one-request-per-key");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneRequestAppendOnce() throws Exception {
        String id = newId("RU");
        String key = UUID.randomUUID().toString();
        String body = admission(id, "RU", "MEMBER");

        List<ResponseEntity<String>> answers = inParallel(6, () -> post("secretariat", key, body));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.getHeaders().getFirst("Ledger-Position")).distinct()).hasSize(1);
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void concurrentAdmissionsOfOneIdAdmitItOnceAndRefuseTheOthers() throws Exception {
        String id = newId("CN");
        String body = admission(id, "CN", "MEMBER");

        List<ResponseEntity<String>> answers = inParallel(6,
                () -> post("secretariat", UUID.randomUUID().toString(), body));

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void aSecondAdmissionOfAnIdIsAConflict() throws Exception {
        String id = newId("KR");
        post("secretariat", UUID.randomUUID().toString(), admission(id, "KR", "MEMBER"));

        ResponseEntity<String> again = post("secretariat", UUID.randomUUID().toString(), admission(id, "KR", "OBSERVER"));

        JsonNode problem = assertProblem(again, 409, "already-admitted", "id");
        assertThat(problem.get("rule").asText()).isEqualTo("admitted-once");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void aMemberFromOutsideTheSixCountriesBreaksArticle4() throws Exception {
        String id = newId("VN");

        ResponseEntity<String> refused = post("secretariat", UUID.randomUUID().toString(), admission(id, "VN", "MEMBER"));

        JsonNode problem = assertProblem(refused, 422, "admission-refused", "category");
        assertThat(problem.get("rule").asText()).isEqualTo("member-country");
        assertThat(problem.get("article").asText()).isEqualTo("Charter Art. 4");
        assertThat(eventsOf(id)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | {"id": "KR-BAD-JSON",                                                                                    |
            id not a slug            | {"id": "ulsan", "country": "KR", "name": "x", "category": "MEMBER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}        | id
            unknown country          | {"id": "XX-BAD-COUNTRY", "country": "XX", "name": "x", "category": "MEMBER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | country
            unknown category         | {"id": "KR-BAD-CATEGORY", "country": "KR", "name": "x", "category": "KING", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}  | category
            malformed date           | {"id": "KR-BAD-DATE", "country": "KR", "name": "x", "category": "MEMBER", "admittedOn": "2021-02-30", "basis": "OPENING_BALANCE"}    | admittedOn
            missing name             | {"id": "KR-NO-NAME", "country": "KR", "category": "MEMBER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}                  | name
            blank name               | {"id": "KR-BLANK-NAME", "country": "KR", "name": " ", "category": "MEMBER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}  | name
            missing basis            | {"id": "KR-NO-BASIS", "country": "KR", "name": "x", "category": "MEMBER", "admittedOn": "2021-01-01"}                               | basis
            """)
    void malformedRequestsAreProblemsThatAppendNothing(String what, String body, String field) throws Exception {
        long before = allEvents();

        ResponseEntity<String> response = post("secretariat", UUID.randomUUID().toString(), body);

        JsonNode problem = assertProblem(response, 400, null, field);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void aCommandWithoutAnIdempotencyKeyIsMalformed() throws Exception {
        ResponseEntity<String> response = post("secretariat", null, admission(newId("KR"), "KR", "MEMBER"));

        assertThat(assertProblem(response, 400, "missing-header", "Idempotency-Key").get("rule").asText())
                .isEqualTo("required");
    }

    @Test
    void anOverlongIdempotencyKeyIsMalformed() throws Exception {
        ResponseEntity<String> response = post("secretariat", "k".repeat(201), admission(newId("KR"), "KR", "MEMBER"));

        assertThat(assertProblem(response, 400, "invalid-idempotency-key", "Idempotency-Key").get("rule").asText())
                .isEqualTo("idempotency-key-format");
    }

    @Test
    void commandsNeedAnAuthenticatedSecretariat() throws Exception {
        String body = admission(newId("KR"), "KR", "MEMBER");

        assertProblem(post(null, UUID.randomUUID().toString(), body), 401, "unauthenticated", null);
        assertProblem(post("reader", UUID.randomUUID().toString(), body), 403, "forbidden", null);
    }

    @Test
    void healthPrometheusAndOpenApiAreServed() throws Exception {
        post("secretariat", UUID.randomUUID().toString(), admission(newId("KR"), "KR", "MEMBER"));

        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"")
                .doesNotContain("components");
        assertThat(http.withBasicAuth("auditor", "test-auditor").getForEntity("/actuator/health", String.class)
                .getBody()).contains("\"db\":{\"status\":\"UP\",\"details\":{\"database\":\"PostgreSQL\"");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertProblem(http.withBasicAuth("reader", "test-reader").getForEntity("/actuator/prometheus", String.class),
                403, "forbidden", null);
        assertThat(http.withBasicAuth("auditor", "test-auditor").getForEntity("/actuator/prometheus", String.class)
                .getBody())
                .containsPattern("ledger_commands_seconds_bucket\\{[^}]*outcome=\"accepted\"[^}]*type=\"AdmitMember\"")
                .contains("ledger_commands_seconds_count").contains("commandBus")
                .doesNotContain("commandBus_capacity");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/members");
    }

    @Test
    void everyAnswerCarriesARequestId() throws Exception {
        ResponseEntity<String> kept = http.exchange(RequestEntity.get("/api/members/KR-NOWHERE")
                .header("X-Request-Id", "proxy-7f3a.1").build(), String.class);
        assertThat(kept.getHeaders().getFirst("X-Request-Id")).isEqualTo("proxy-7f3a.1");

        ResponseEntity<String> refused = post("reader", UUID.randomUUID().toString(), admission(newId("KR"), "KR", "MEMBER"));
        assertThat(refused.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
        ResponseEntity<String> replaced = http.exchange(RequestEntity.get("/api/members/KR-NOWHERE")
                .header("X-Request-Id", "two words").build(), String.class);
        assertThat(replaced.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void anUnknownPathIsAProblemToo() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("secretariat", "test-secretariat")
                .getForEntity("/api/no-such-thing", String.class);

        assertProblem(response, 404, "not-found", null);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status, String type, String field)
            throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.get("type").asText()).isEqualTo("urn:charter-ledger:problem:" + type);
        }
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        return problem;
    }

    private ResponseEntity<String> post(String user, String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "test-" + user);
        return client.postForEntity("/api/members", new HttpEntity<>(body, headers), String.class);
    }

    private <T> List<T> inParallel(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private long eventsOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
    }

    private long allEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }

    static String newId(String country) {
        return country + "-IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String admission(String id, String country, String category) {
        return """
                {"id": "%s", "country": "%s", "name": "Test government %s", "category": "%s",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id, country, id, category);
    }

    private static String reordered(String body) {
        return body.replace("{\"id\"", "{ \"basis\": \"OPENING_BALANCE\",  \"id\"")
                .replace(",\n \"admittedOn\": \"2021-01-01\", \"basis\": \"OPENING_BALANCE\"}",
                        ", \"admittedOn\":\"2021-01-01\"}");
    }
}
