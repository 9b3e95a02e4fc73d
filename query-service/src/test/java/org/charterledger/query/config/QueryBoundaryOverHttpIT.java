package org.charterledger.query.config;

import org.charterledger.web.testing.ProblemAssertions;
import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API takes only what it can answer: dates within the ledger's bounds, parameters free of control
 * characters; and whatever it refuses, down to what Tomcat refuses itself, is a problem+json, never a 500.
 */
class QueryBoundaryOverHttpIT extends LedgerIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rights on 9999-12-31             | /api/rights?asOf=9999-12-31                 | asOf   | date-range
            rights on 3000-12-31             | /api/rights?asOf=3000-12-31                 | asOf   | date-range
            rights of a party in year -999999999 | /api/rights/KR-ULSAN?asOf=-999999999-01-01 | asOf | date-range
            rights history until +999999999-12-31 | /api/rights/KR-ULSAN/history?until=%2B999999999-12-31 | until | date-range
            the register in year 0           | /api/members?asOf=0000-01-01                | asOf   | date-range
            a party on 9999-12-31            | /api/members/KR-ULSAN?asOf=9999-12-31       | asOf   | date-range
            dues on 9999-12-31               | /api/members/KR-ULSAN/dues?asOf=9999-12-31  | asOf   | date-range
            the chair on 9999-12-31          | /api/offices/chair?asOf=9999-12-31          | asOf   | date-range
            the Secretary-General in 1900    | /api/offices/secretary-general?asOf=1900-01-01 | asOf | date-range
            auditors on 9999-12-31           | /api/offices/auditors?asOf=9999-12-31       | asOf   | date-range
            subcommittees on 9999-12-31      | /api/subcommittees?asOf=9999-12-31          | asOf   | date-range
            audit events to 9999-12-31       | /api/audit/events?to=9999-12-31             | to     | date-range
            a date that is not one           | /api/rights?asOf=2021-02-30                 | asOf   | format
            a NUL in an aggregate            | /api/audit/events?aggregate=KR%00X          | aggregate | no-control-characters
            a line break in a type           | /api/audit/events?type=a%0Ab                | type   | no-control-characters
            """)
    void implausibleParametersAreRefusedNamingTheParameter(String what, String path, String field, String rule)
            throws Exception {
        ResponseEntity<String> answer = getRaw(path);

        JsonNode problem = assertProblem(answer, 400);
        assertThat(problem.path("field").asText()).as(answer.getBody()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(answer.getBody()).isEqualTo(rule);
    }

    @Test
    void theBoundsThemselvesAreAnswered() throws Exception {
        assertThat(getRaw("/api/members?asOf=1990-01-01").getStatusCode().value()).isEqualTo(200);
        assertThat(getRaw("/api/members?asOf=2200-12-31").getStatusCode().value()).isEqualTo(200);
    }

    /**
     * A multipart body is never a 500. Sent to the retry of parked events, a no-op here: sent to the rebuild, it would
     * start one on the database the other test classes share, and their views would answer 503 while it runs.
     */
    @Test
    void aMultipartBodyIsAProblem() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=b");
        ResponseEntity<String> answer = http.withBasicAuth("auditor", "test-auditor").exchange(
                URI.create(http.getRootUri() + "/api/audit/dead-letters/retries"), HttpMethod.POST,
                new HttpEntity<>("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--\r\n"
                        .getBytes(StandardCharsets.UTF_8), headers), String.class);

        assertThat(answer.getStatusCode().value()).isLessThan(500);
        if (answer.getStatusCode().is4xxClientError()) {
            assertProblem(answer, answer.getStatusCode().value());
        }
    }

    @Test
    void whatTheContainerRefusesIsAProblemToo() throws Exception {
        String auth = ProblemAssertions.assertContainerRefusals(port, "reader", "test-reader");
        assertRawProblem("GET /api/members;x=1 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n", 400);
        assertRawProblem("GET /api/members/KR-ULSAN;x=1 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
                400);
    }

    /**
     * A seeded, bounded fuzz of every query: up to 3,000 generated paths and parameters, valid and not, within a
     * minute. None may answer 5xx; every 4xx is a problem+json, naming the parameter when it is about one.
     */
    @Test
    void fuzzedQueriesNeverFailTheServer() throws Exception {
        String party = newId("KR");
        admit(party);
        Random random = new Random(14);
        List<String> paths = List.of("/api/members", "/api/members/{id}", "/api/members/{id}/dues", "/api/rights",
                "/api/rights/{id}", "/api/rights/{id}/history", "/api/motions/{id}", "/api/motions/{id}/roll",
                "/api/meetings", "/api/meetings/{id}", "/api/offices/chair", "/api/offices/chair/history",
                "/api/offices/secretary-general", "/api/offices/auditors", "/api/subcommittees",
                "/api/subcommittees/{n}/history", "/api/audit/events", "/api/audit/digest", "/api/audit/verification",
                "/api/audit/motions/{id}/derivation", "/api/audit/motions/{id}/certificate",
                "/api/audit/rebuilds/{id}");
        List<String> parameters = List.of("asOf", "until", "from", "to", "category", "country", "body", "atLeast",
                "after", "limit", "aggregate", "type", "position", "digest");
        List<String> values = List.of("2021-01-01", "1990-01-01", "2200-12-31", "9999-12-31", "-999999999-01-01",
                "%2B999999999-12-31", "0000-01-01", "2021-02-30", "2021-1-1", "0", "-1", "1.5", "99999999999999999999",
                "MEMBER", "member", "KR", "XX", "GA", "%00", "a%0Ab", "%E2%80%8B", "%C3%28", "%FF", "", "null",
                "true", "[]", "%7B%7D", "x".repeat(300), party, "KR-ULSAN", "XX-NOWHERE", "GA13-M2", "CHAIR",
                "a".repeat(64), "0".repeat(64), "%27%3B--", "%22");
        List<String> ids = List.of(party, "KR-ULSAN", "XX-NOWHERE", "kr-ulsan", "GA13", "GA13-M2", "CHAIR", "SC-1",
                "%20", "%C3%28", "a".repeat(300), "-1", "0", "2147483648", "%2E%2E", "..", "%25", "x%3Bx", "%E2%80%8B");
        // the same seeded sequence every run; the deadline only cuts it short on a machine too busy to finish it
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int sent = 0;
        for (; sent < 3000 && Instant.now().isBefore(deadline); sent++) {
            String path = paths.get(random.nextInt(paths.size()))
                    .replace("{id}", ids.get(random.nextInt(ids.size())))
                    .replace("{n}", ids.get(random.nextInt(ids.size())));
            StringBuilder query = new StringBuilder();
            for (int i = random.nextInt(4); i > 0; i--) {
                query.append(query.isEmpty() ? '?' : '&').append(parameters.get(random.nextInt(parameters.size())))
                        .append('=').append(values.get(random.nextInt(values.size())));
            }
            ResponseEntity<String> answer;
            try {
                answer = getRaw(path + query);
            } catch (IllegalArgumentException unsendable) {
                continue;
            }
            String request = "GET " + path + query;
            assertThat(answer.getStatusCode().is5xxServerError()).as(request + " -> " + answer.getBody()).isFalse();
            if (answer.getStatusCode().is4xxClientError()) {
                JsonNode problem = assertProblem(answer, answer.getStatusCode().value());
                if (answer.getStatusCode().value() == 400 && problem.has("field")) {
                    assertThat(problem.get("field").asText()).as(request).isNotBlank();
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
    }

    private void admit(String id) {
        append(id, new MemberAdmitted(new MemberId(id), CountryCode.of("KR"), "Fuzzed", null, PartyCategory.MEMBER,
                LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
    }

    /** A GET of {@code path} exactly as written, percent-escapes included. */
    private ResponseEntity<String> getRaw(String path) {
        return http.withBasicAuth("reader", "test-reader")
                .getForEntity(URI.create(http.getRootUri() + path), String.class);
    }

    private JsonNode assertProblem(ResponseEntity<String> answer, int status) throws Exception {
        return ProblemAssertions.assertProblem(answer, status);
    }

    private void assertRawProblem(String request, int status) throws Exception {
        ProblemAssertions.assertRawProblem(port, request, status);
    }
}
