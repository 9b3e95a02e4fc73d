package org.charterledger.command.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dues payments, reversals and withdrawals over real HTTP, on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class DuesOverHttpIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private String member;

    @BeforeEach
    void admitAMember() {
        member = AdmissionOverHttpIT.newId("RU");
        String body = AdmissionOverHttpIT.admission(member, "RU", "MEMBER").replace("2021-01-01", "2016-01-01");
        assertThat(post("/api/members", UUID.randomUUID().toString(), body).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aPaymentIsRecordedAndAnsweredWithItsIdAndPosition() throws Exception {
        ResponseEntity<String> paid = post(payments(), UUID.randomUUID().toString(), payment("2016",
                "{\"amount\": \"1320000\", \"currency\": \"KRW\"}", "{\"amount\": \"1000\", \"currency\": \"USD\"}",
                "2016-03-01"));

        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
        JsonNode receipt = json.readTree(paid.getBody());
        assertThat(UUID.fromString(receipt.get("id").asText())).isNotNull();
        assertThat(receipt.get("position").asLong()).isEqualTo(lastPositionOf(member));
    }

    @Test
    void aRetriedPaymentKeepsItsIdAndIsRecordedOnce() {
        String key = UUID.randomUUID().toString();
        String body = payment("2016", usd("1000"), null, "2016-03-01");

        ResponseEntity<String> first = post(payments(), key, body);
        ResponseEntity<String> retry = post(payments(), key, body);

        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(eventsOf(member)).isEqualTo(2);
    }

    @Test
    void aPaymentIsReversedByItsIdAndOnlyOnce() throws Exception {
        String paymentId = json.readTree(post(payments(), UUID.randomUUID().toString(),
                payment("2016", usd("1000"), null, "2016-03-01")).getBody()).get("id").asText();
        String reversal = "{\"reversedOn\": \"2016-03-09\", \"reason\": \"transfer returned by the bank\"}";

        ResponseEntity<String> reversed = post("/api/dues-payments/" + paymentId + "/reversal",
                UUID.randomUUID().toString(), reversal);
        ResponseEntity<String> again = post("/api/dues-payments/" + paymentId + "/reversal",
                UUID.randomUUID().toString(), reversal);

        assertThat(reversed.getStatusCode().value()).as(reversed.getBody()).isEqualTo(201);
        assertThat(json.readTree(reversed.getBody()).get("id").asText()).isEqualTo(paymentId);
        assertThat(assertProblem(again, 409, "dues-refused", "paymentId").get("rule").asText())
                .isEqualTo("reversed-once");
        assertThat(eventsOf(member)).isEqualTo(3);
    }

    @Test
    void aReversalOfAnUnknownPaymentIsNotFound() throws Exception {
        assertThat(assertProblem(post("/api/dues-payments/" + UUID.randomUUID() + "/reversal",
                UUID.randomUUID().toString(),
                "{\"reversedOn\": \"2016-03-09\", \"reason\": \"x\"}"), 404, "unknown-record", "paymentId")
                .get("rule").asText()).isEqualTo("must-exist");
    }

    @Test
    void aYearTheMemberDoesNotOweIsRefused() throws Exception {
        JsonNode problem = assertProblem(post(payments(), UUID.randomUUID().toString(),
                payment("2015", usd("1000"), null, "2016-03-01")), 422, "dues-refused", "fiscalYear");

        assertThat(problem.get("rule").asText()).isEqualTo("year-not-assessed");
        assertThat(problem.get("article").asText()).isEqualTo("Dues Regulation Art. 5(2)");
        assertThat(eventsOf(member)).isEqualTo(1);
    }

    @Test
    void aWithdrawalIsRecordedOnce() throws Exception {
        String body = "{\"withdrewOn\": \"2020-01-01\", \"reference\": \"letter of 2019-11-30\"}";

        ResponseEntity<String> withdrawn = post("/api/members/" + member + "/withdrawal", UUID.randomUUID().toString(), body);
        ResponseEntity<String> again = post("/api/members/" + member + "/withdrawal", UUID.randomUUID().toString(), body);

        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(201);
        assertThat(assertProblem(again, 409, "withdrawal-refused", "id").get("rule").asText()).isEqualTo("left-once");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a zero amount            | 2016 | {"amount": "0", "currency": "USD"}        | 2016-03-01 | paid.amount | 400 | positive
            a negative amount        | 2016 | {"amount": "-1000", "currency": "USD"}    | 2016-03-01 | paid.amount | 400 | positive
            an unknown currency      | 2016 | {"amount": "1000", "currency": "XYZ"}     | 2016-03-01 | paid.currency | 400 | format
            too many decimals        | 2016 | {"amount": "1000.001", "currency": "USD"} | 2016-03-01 | paid | 400 | format
            won with decimals        | 2016 | {"amount": "1000.5", "currency": "KRW"}   | 2016-03-01 | paid | 400 | format
            an amount that is text   | 2016 | {"amount": "a lot", "currency": "USD"}    | 2016-03-01 | paid.amount | 400 | format
            a year before 1996       | 1995 | {"amount": "1000", "currency": "USD"}     | 2016-03-01 | fiscalYear | 400 | format
            a year after next year   | 2999 | {"amount": "1000", "currency": "USD"}     | 2016-03-01 | fiscalYear | 400 | date-range
            a malformed date         | 2016 | {"amount": "1000", "currency": "USD"}     | 2016-13-01 | paidOn | 400 | format
            a date in the future     | 2016 | {"amount": "1000", "currency": "USD"}     | 2999-01-01 | paidOn | 400 | date-range
            won credited as won      | 2016 | {"amount": "1320000", "currency": "KRW"}  | 2016-03-01 | credited | 422 | credited-in-dues-currency
            """)
    void badPaymentsAreProblemsThatAppendNothing(String what, String year, String paid, String paidOn, String field,
                                                 int status, String rule) throws Exception {
        ResponseEntity<String> refused = post(payments(), UUID.randomUUID().toString(),
                payment(year, paid, null, paidOn));

        assertThat(assertProblem(refused, status, null, field).get("rule").asText()).isEqualTo(rule);
        assertThat(eventsOf(member)).isEqualTo(1);
    }

    @Test
    void aPaymentByAnUnknownMemberIsNotFound() throws Exception {
        ResponseEntity<String> refused = post("/api/members/KR-NOBODY-AT-ALL/dues-payments",
                UUID.randomUUID().toString(), payment("2016", usd("1000"), null, "2016-03-01"));

        assertThat(assertProblem(refused, 404, "unknown-record", "id").get("rule").asText()).isEqualTo("must-exist");
        assertThat(eventsOf("KR-NOBODY-AT-ALL")).isZero();
    }

    private String payments() {
        return "/api/members/" + member + "/dues-payments";
    }

    private static String usd(String amount) {
        return "{\"amount\": \"" + amount + "\", \"currency\": \"USD\"}";
    }

    private static String payment(String year, String paid, String credited, String paidOn) {
        return "{\"fiscalYear\": " + year + ", \"paid\": " + paid
                + (credited == null ? "" : ", \"credited\": " + credited)
                + ", \"paidOn\": \"" + paidOn + "\", \"reference\": \"bank transfer\"}";
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status, String type, String field)
            throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        if (type != null) {
            assertThat(problem.get("type").asText()).isEqualTo("urn:charter-ledger:problem:" + type);
        }
        assertThat(problem.get("field").asText()).as(response.getBody()).isEqualTo(field);
        return problem;
    }

    private ResponseEntity<String> post(String path, String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long eventsOf(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
    }

    private long lastPositionOf(String id) {
        return jdbc.sql("SELECT MAX(global_index) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?")
                .param(id).query(Long.class).single();
    }
}
