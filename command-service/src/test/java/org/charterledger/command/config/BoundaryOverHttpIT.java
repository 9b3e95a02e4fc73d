package org.charterledger.command.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.command.OwnLedgerIT;
import org.charterledger.web.RequestLimits;
import org.charterledger.web.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.charterledger.web.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Junk never enters the record: input a view cannot hold, lenient JSON, implausible dates, ids of other records and
 * requests the container refuses are each answered with a problem+json naming the field and the rule, and nothing
 * is appended. On NEAR's register (JP-MIYAGI, KR-ULSAN, ...), its chair (CHAIR) and subcommittees (SC-1, ...).
 */
@TestPropertySource(properties = OwnLedgerIT.NEAR)
class BoundaryOverHttpIT extends OwnLedgerIT {

    @LocalServerPort
    int port;

    static final String ADMISSION = """
            {"id": "KR-BOUNDARY", "country": "KR", "name": "Test", "category": "OBSERVER",
             "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""";
    static final String MEETING = """
            {"id": "EC2021-B", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan",
             "firstDay": "2021-09-01", "lastDay": "2021-09-01"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            NUL in a name              | /api/members | {"id": "KR-NUL", "country": "KR", "name": "a\\u0000b", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | name | no-control-characters
            line break in a local name | /api/members | {"id": "KR-LF", "country": "KR", "name": "a", "localName": "a\\nb", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | localName | no-control-characters
            unpaired surrogate         | /api/members | {"id": "KR-SURROGATE", "country": "KR", "name": "a\\ud800", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | name | no-control-characters
            NUL in a venue             | /api/meetings | {"id": "EC2021-NUL", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ul\\u0000san", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 400 | venue | no-control-characters
            NUL in a reference         | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2021, "paid": {"amount": "1000", "currency": "USD"}, "paidOn": "2021-03-01", "reference": "x\\u0000"} | 400 | reference | no-control-characters
            NUL in a reason            | /api/offices/chair/acting | {"deputy": "First Deputy", "from": "2022-01-03", "reason": "\\u0000"} | 400 | reason | no-control-characters
            an amount beyond NUMERIC(19,4) | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2021, "paid": {"amount": "1000000000000000", "currency": "USD"}, "paidOn": "2021-03-01"} | 400 | paid.amount | amount-range
            an amount of 1E+2000       | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2021, "paid": {"amount": "1E+2000", "currency": "USD"}, "paidOn": "2021-03-01"} | 400 | paid.amount | amount-range
            an amount of 1E+999999999  | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2021, "paid": {"amount": 1E+999999999, "currency": "USD"}, "paidOn": "2021-03-01"} | 400 | paid.amount | amount-range
            a credited amount too long | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2021, "paid": {"amount": "1000", "currency": "KRW"}, "credited": {"amount": "9999999999999999.99", "currency": "USD"}, "paidOn": "2021-03-01"} | 400 | credited.amount | amount-range
            a dues rate beyond NUMERIC(19,4) | /api/motions | {"id": "GA-RATE", "meeting": "EC2021-B", "item": 2, "subject": "dues", "procedure": "SITTING", "effect": {"type": "CHANGE_DUES_RATE", "amount": {"amount": "1000000000000000", "currency": "USD"}, "fromYear": 2023}} | 400 | effect.amount.amount | amount-range
            a fiscal year far ahead    | /api/motions | {"id": "GA-RATE2", "meeting": "EC2021-B", "item": 2, "subject": "dues", "procedure": "SITTING", "effect": {"type": "CHANGE_DUES_RATE", "amount": {"amount": "1000", "currency": "USD"}, "fromYear": 9999}} | 400 | effect.fromYear | date-range
            an admission in year -999999999 | /api/members | {"id": "KR-EARLY", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "-999999999-01-01", "basis": "OPENING_BALANCE"} | 400 | admittedOn | date-range
            an admission in year 0     | /api/members | {"id": "KR-ZERO", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "0000-01-01", "basis": "OPENING_BALANCE"} | 400 | admittedOn | date-range
            a meeting ending in 9999   | /api/meetings | {"id": "EC2021-LONG", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "9999-12-31"} | 400 | lastDay | date-range
            a subcommittee activity on +999999999-12-31 | /api/subcommittees/1/activities | {"firstDay": "+999999999-12-31"} | 400 | firstDay | date-range
            a vote cast in 9999        | /api/motions/GA13-M2/votes | {"member": "KR-ULSAN", "choice": "YES", "castOn": "9999-01-01"} | 400 | castOn | date-range
            a category by position     | /api/members | {"id": "KR-ORDINAL", "country": "KR", "name": "x", "category": 0, "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | category | format
            a category by position as text | /api/members | {"id": "KR-ORDINAL2", "country": "KR", "name": "x", "category": "0", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | category | format
            a choice by position       | /api/motions/GA13-M2/votes | {"member": "KR-ULSAN", "choice": 0} | 400 | choice | format
            a date as a number         | /api/members | {"id": "KR-EPOCH", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": 0, "basis": "OPENING_BALANCE"} | 400 | admittedOn | format
            a date as an array         | /api/members | {"id": "KR-ARRAY", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": [2021, 1, 1], "basis": "OPENING_BALANCE"} | 400 | admittedOn | format
            a name as a number         | /api/members | {"id": "KR-NUMBER", "country": "KR", "name": 12, "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | name | format
            a name as a boolean        | /api/members | {"id": "KR-BOOLEAN", "country": "KR", "name": true, "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | name | format
            an ordinal of 1.5          | /api/meetings | {"id": "EC2021-HALF", "body": "EC", "ordinal": 1.5, "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 400 | ordinal | format
            an ordinal as text         | /api/meetings | {"id": "EC2021-TEXT", "body": "EC", "ordinal": "1", "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 400 | ordinal | format
            a fiscal year as text      | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": "2021", "paid": {"amount": "1000", "currency": "USD"}, "paidOn": "2021-03-01"} | 400 | fiscalYear | format
            a repeated field           | /api/members | {"id": "KR-TWICE", "country": "KR", "name": "x", "name": "y", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | name | no-duplicate-fields
            an unknown field           | /api/members | {"id": "KR-EXTRA", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE", "admitedOn": "2021-01-01"} | 400 | admitedOn | known-fields
            a member id led by no country | /api/members | {"id": "XX-NOWHERE", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 400 | id | iso-country-prefix
            an unknown party present   | /api/meetings/EC2021-B/attendance | {"present": ["KR-ULSAN", "KR-NOBODY"]} | 404 | present[1] | must-exist
            an unknown host            | /api/meetings | {"id": "EC2021-NOHOST", "body": "EC", "ordinal": 1, "host": "KR-NOBODY", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 404 | host | must-exist
            an admission effect of a party led by no country | /api/motions | {"id": "GA-ADMIT2", "meeting": "EC2021-B", "item": 1, "subject": "admit", "procedure": "SITTING", "effect": {"type": "ADMIT", "party": "XX-NEW", "country": "CN", "name": "x", "category": "MEMBER"}} | 400 | effect.party | iso-country-prefix
            an admission effect without a name | /api/motions | {"id": "GA-ADMIT", "meeting": "EC2021-B", "item": 1, "subject": "admit", "procedure": "SITTING", "effect": {"type": "ADMIT", "party": "CN-NEW", "country": "CN", "category": "MEMBER"}} | 400 | effect.name | NotBlank
            a meeting named like a party | /api/meetings | {"id": "JP-MIYAGI", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 409 | id | unique-id
            a meeting named like the chair | /api/meetings | {"id": "CHAIR", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 409 | id | unique-id
            a meeting named like a subcommittee | /api/meetings | {"id": "SC-99", "body": "EC", "ordinal": 1, "host": "KR-ULSAN", "venue": "Ulsan", "firstDay": "2021-09-01", "lastDay": "2021-09-01"} | 409 | id | unique-id
            a motion named like a meeting | /api/motions | {"id": "EC2021-B", "meeting": "EC2021-B", "item": 7, "subject": "accounts", "procedure": "SITTING"} | 409 | id | unique-id
            a motion named like a party | /api/motions | {"id": "JP-MIYAGI", "meeting": "EC2021-B", "item": 7, "subject": "accounts", "procedure": "SITTING"} | 409 | id | unique-id
            a motion named like the chair | /api/motions | {"id": "CHAIR", "meeting": "EC2021-B", "item": 7, "subject": "accounts", "procedure": "SITTING"} | 409 | id | unique-id
            a party admitted under a meeting's id | /api/members | {"id": "KR-MEETING", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"} | 409 | id | unique-id
            a vote on a party's stream | /api/motions/JP-MIYAGI/votes | {"member": "KR-ULSAN", "choice": "YES"} | 404 | id | must-exist
            ballots on a party's stream | /api/motions/JP-MIYAGI/ballots | {"ballots": [{"member": "KR-ULSAN", "choice": "YES"}]} | 404 | id | must-exist
            a round of no ballots      | /api/motions/GA13-M2/ballots | {"ballots": []} | 400 | ballots | Size
            a ballot without a member  | /api/motions/GA13-M2/ballots | {"ballots": [{"choice": "YES"}]} | 400 | ballots[0].member | NotNull
            a ballot cast in 9999      | /api/motions/GA13-M2/ballots | {"ballots": [{"member": "KR-ULSAN", "choice": "YES", "castOn": "9999-01-01"}]} | 400 | ballots[0].castOn | date-range
            attendance at a party's stream | /api/meetings/JP-MIYAGI/attendance | {"present": ["KR-ULSAN"]} | 404 | id | must-exist
            an admission by decision sent as a register entry | /api/members | {"id": "KR-DECIDED", "country": "KR", "name": "x", "category": "MEMBER", "admittedOn": "2021-01-01", "basis": "DECISION"} | 400 | basis | opening-balance-only
            an admission on a day still to come | /api/members | {"id": "KR-LATER", "country": "KR", "name": "x", "category": "OBSERVER", "admittedOn": "2199-01-01", "basis": "OPENING_BALANCE"} | 400 | admittedOn | not-in-the-future
            dues for a year after next year | /api/members/KR-ULSAN/dues-payments | {"fiscalYear": 2100, "paid": {"amount": "1000", "currency": "USD"}, "paidOn": "2021-03-01", "reference": "x"} | 400 | fiscalYear | fiscal-year-range
            """)
    void junkIsRefusedNamingTheFieldAndTheRuleAndNothingIsAppended(String what, String path, String body, int status,
                                                                     String field, String rule) throws Exception {
        ensureMeetings();
        long before = events();

        ResponseEntity<String> answer = post(path, MediaType.APPLICATION_JSON_VALUE,
                body.getBytes(StandardCharsets.UTF_8));

        JsonNode problem = assertProblem(answer, status);
        assertThat(problem.path("field").asText()).as(answer.getBody()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(answer.getBody()).isEqualTo(rule);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void attendanceListsAreBounded() throws Exception {
        ensureMeetings();
        long before = events();
        String ids = IntStream.range(0, 201).mapToObj(i -> "\"KR-ULSAN\"").collect(Collectors.joining(","));

        JsonNode problem = assertProblem(post("/api/meetings/EC2021-B/attendance", MediaType.APPLICATION_JSON_VALUE,
                ("{\"present\": [" + ids + "]}").getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(problem.get("field").asText()).isEqualTo("present");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void textAfterTheBodyIsRefused() throws Exception {
        long before = events();

        JsonNode problem = assertProblem(post("/api/members", MediaType.APPLICATION_JSON_VALUE,
                (ADMISSION + " {\"id\": \"KR-OTHER\"}").getBytes(StandardCharsets.UTF_8)), 400);

        assertThat(problem.get("rule").asText()).isEqualTo("json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void onlyUtf8BodiesAreRead() throws Exception {
        long before = events();
        byte[] utf16 = ADMISSION.getBytes(StandardCharsets.UTF_16LE);

        JsonNode declared = assertProblem(post("/api/members", "application/json;charset=UTF-16LE", utf16), 415);
        JsonNode sniffed = assertProblem(post("/api/members", MediaType.APPLICATION_JSON_VALUE, utf16), 400);
        JsonNode malformed = assertProblem(post("/api/members", MediaType.APPLICATION_JSON_VALUE,
                new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400);

        assertThat(declared.get("rule").asText()).isEqualTo("utf-8-only");
        assertThat(sniffed.get("rule").asText()).isEqualTo("utf-8-only");
        assertThat(malformed.get("rule").asText()).isEqualTo("utf-8-only");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        long before = events();
        String padding = " ".repeat(RequestLimits.MAX_BODY_BYTES);

        assertProblem(post("/api/members", MediaType.APPLICATION_JSON_VALUE,
                (ADMISSION + padding).getBytes(StandardCharsets.UTF_8)), 413);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMultipartBodyIsAnUnsupportedMediaType() throws Exception {
        long before = events();
        String body = "--b\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nKR-MULTI\r\n--b--\r\n";

        assertProblem(post("/api/members", "multipart/form-data; boundary=b", body.getBytes(StandardCharsets.UTF_8)),
                415);
        assertProblem(post("/api/members", "multipart/form-data", body.getBytes(StandardCharsets.UTF_8)), 415);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void whatTheContainerRefusesIsAProblemToo() throws Exception {
        String auth = ProblemAssertions.assertContainerRefusals(port, "secretariat", "test-secretariat");
        assertRawProblem("POST /api/members;x=1 HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 400);
        assertRawProblem("GET /api/members?x=%00 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n", 400);
    }

    private void ensureMeetings() {
        if (jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = 'EC2021-B'")
                .query(Long.class).single() == 0) {
            assertThat(post("/api/meetings", MediaType.APPLICATION_JSON_VALUE,
                    MEETING.getBytes(StandardCharsets.UTF_8)).getStatusCode().value()).isEqualTo(201);
            String meetingLikeParty = MEETING.replace("EC2021-B", "KR-MEETING");
            assertThat(post("/api/meetings", MediaType.APPLICATION_JSON_VALUE,
                    meetingLikeParty.getBytes(StandardCharsets.UTF_8)).getStatusCode().value()).isEqualTo(201);
        }
    }

    private void assertRawProblem(String request, int status) throws Exception {
        ProblemAssertions.assertRawProblem(port, request, status);
    }

    private ResponseEntity<String> post(String path, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        return http.withBasicAuth("secretariat", "test-secretariat")
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }
}
