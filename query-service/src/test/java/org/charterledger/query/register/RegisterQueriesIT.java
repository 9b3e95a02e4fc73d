package org.charterledger.query.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register on PostgreSQL: events appended to the ledger's event table reach it through the pooled streaming
 * processor, and queries wait for a position when asked to.
 */
class RegisterQueriesIT extends LedgerIT {

    @Test
    void anAdmissionAppendedToTheLedgerReachesTheRegister() throws Exception {
        String id = newId("KR");
        long position = admit(id, "KR", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1));

        ResponseEntity<String> answer = get("/api/members/" + id + "?atLeast=" + position);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(Long.parseLong(answer.getHeaders().getFirst("Ledger-Position"))).isGreaterThanOrEqualTo(position);
        JsonNode party = json.readTree(answer.getBody());
        assertThat(party.get("category").asText()).isEqualTo("MEMBER");
        assertThat(party.get("country").asText()).isEqualTo("KR");
        assertThat(party.get("since").asText()).isEqualTo("2021-01-01");
        assertThat(party.get("basis").asText()).isEqualTo("OPENING_BALANCE");
    }

    @Test
    void theRegisterIsAskedAsOfADateAndFilteredByCategoryAndCountry() throws Exception {
        String observer = newId("MN");
        String member = newId("MN");
        admit(observer, "MN", PartyCategory.OBSERVER, LocalDate.of(2020, 6, 1));
        long position = admit(member, "MN", PartyCategory.MEMBER, LocalDate.of(2022, 3, 1));

        JsonNode observers = body(get("/api/members?category=OBSERVER&country=MN&asOf=2021-01-01&atLeast=" + position));
        JsonNode before = body(get("/api/members?country=MN&asOf=2021-01-01"));
        JsonNode after = body(get("/api/members?country=MN&asOf=2022-03-01"));

        assertThat(ids(observers)).contains(observer).doesNotContain(member);
        assertThat(observers.get("byCategory").has("MEMBER")).isFalse();
        assertThat(ids(before)).contains(observer).doesNotContain(member);
        assertThat(ids(after)).contains(observer, member);
        assertThat(after.get("total").asInt()).isEqualTo(after.get("parties").size());
        assertThat(get("/api/members/" + member + "?asOf=2022-02-28").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aPartyThatWithdrewLeavesTheRegisterFromThatDay() throws Exception {
        String id = newId("JP");
        admit(id, "JP", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1));
        long position = append(id, new MemberWithdrew(new MemberId(id), LocalDate.of(2022, 4, 1), "letter"));

        assertThat(get("/api/members/" + id + "?asOf=2022-03-31&atLeast=" + position).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get("/api/members/" + id + "?asOf=2022-04-01").getStatusCode().value()).isEqualTo(404);
        assertThat(ids(body(get("/api/members?country=JP&asOf=2022-04-01")))).doesNotContain(id);
    }

    @Test
    void theViewFollowsAppendsWithoutARestart() {
        String id = newId("JP");
        admit(id, "JP", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/api/members/" + id).getStatusCode().value()).isEqualTo(200));
    }

    /**
     * An append whose transaction commits after later appends have been processed leaves a gap behind the views;
     * the processors keep it open (up to Axon's gap timeout) and the event still reaches the view when it commits.
     */
    @Test
    void anAppendThatCommitsLateStillReachesTheView() throws Exception {
        String late = newId("KR");
        String early = newId("KR");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slowTransaction = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = slowTransaction.submit(() -> transactions.executeInTransaction(() -> {
                ledger.appendEvents(new GenericDomainEventMessage<>("Member", late, 0, new MemberAdmitted(
                        new MemberId(late), CountryCode.of("KR"), "Late", null, PartyCategory.MEMBER,
                        LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE, null)));
                appended.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            long after = admit(early, "KR", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(get("/api/members/" + early).getStatusCode().value()).isEqualTo(200));
            assertThat(get("/api/members/" + late).getStatusCode().value()).isEqualTo(404);

            commit.countDown();
            slow.get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(get("/api/members/" + late).getStatusCode().value()).isEqualTo(200));
            long latePosition = jdbc.sql("SELECT global_index FROM ledger.domain_event_entry WHERE aggregate_identifier = ?")
                    .param(late).query(Long.class).single();
            assertThat(latePosition).isLessThan(after);
        } finally {
            slowTransaction.shutdownNow();
        }
    }

    @Test
    void aPositionTheViewsDoNotReachInTimeIsA503() throws Exception {
        long beyond = ledgerHead() + 1_000_000;

        ResponseEntity<String> answer = get("/api/members?atLeast=" + beyond);

        JsonNode problem = assertProblem(answer, 503, "position-not-reached", "atLeast");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(problem.get("detail").asText()).contains(Long.toString(beyond));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a date that does not exist | /api/members?asOf=2021-02-30    | asOf
            an unknown category        | /api/members?category=KING      | category
            an unknown country         | /api/members?country=XX         | country
            a negative position        | /api/members?atLeast=-1         | atLeast
            a position that is no number | /api/members?atLeast=ten      | atLeast
            an id that is no slug      | /api/members/ulsan              | id
            """)
    void malformedQueriesAreProblems(String what, String path, String field) throws Exception {
        JsonNode problem = assertProblem(get(path), 400, "malformed-request", field);

        assertThat(problem.get("detail").asText()).contains(field);
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        assertProblem(get("/api/members/KR-NOBODY-AT-ALL"), 404, "not-found", "id");
    }

    @Test
    void queriesNeedCredentialsUnlessAnonymousReadsAreOn() throws Exception {
        ResponseEntity<String> anonymous = http.getForEntity("/api/members", String.class);

        assertProblem(anonymous, 401, "unauthenticated", null);
    }

    @Test
    void exposesTheProjectionLagAndAxonMetrics() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.withBasicAuth("auditor", "test-auditor").getForEntity("/actuator/prometheus", String.class)
                        .getBody())
                        .contains("ledger_projection_lag_events")
                        .contains("ledger_rebuild_remaining_events")
                        .contains("ledger_audit_unchained_events")
                        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le="));
        assertThat(http.withBasicAuth("reader", "test-reader").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
    }

    @Test
    void healthShowsEachViewsProcessorToTheOperatorOnly() throws Exception {
        long position = admit(newId("KR"), "KR", PartyCategory.MEMBER, LocalDate.of(2021, 1, 1));
        get("/api/members?atLeast=" + position);

        assertThat(http.withBasicAuth("reader", "test-reader").getForEntity("/actuator/health", String.class)
                .getBody()).doesNotContain("processors").doesNotContain("components");
        JsonNode processors = json.readTree(http.withBasicAuth("auditor", "test-auditor")
                .getForEntity("/actuator/health", String.class).getBody()).get("components").get("processors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        JsonNode register = processors.get("details").get("register");
        assertThat(register.get("running").asBoolean()).isTrue();
        assertThat(register.get("position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(register.get("lag").asLong()).isEqualTo(
                Math.max(0, processors.get("details").get("head").asLong() - register.get("position").asLong()));
        assertThat(register.get("deadLetters").asLong()).isZero();
        assertThat(processors.get("details").fieldNames()).toIterable()
                .contains("register", "dues", "motions", "offices", "subcommittees");
    }

    private long admit(String id, String country, PartyCategory category, LocalDate since) {
        return append(id, new MemberAdmitted(new MemberId(id), CountryCode.of(country), "Test government " + id,
                null, category, since, AdmissionBasis.OPENING_BALANCE, null));
    }

    private static List<String> ids(JsonNode register) {
        return register.get("parties").findValuesAsText("id");
    }
}
