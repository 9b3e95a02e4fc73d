package org.charterledger.endtoend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services reach PostgreSQL through a proxy the test controls, so that the database can go away (as in a
 * restart or an outage) and come back without touching the cluster the other tests share. While it is away, a
 * request is answered 503 with Retry-After within a bounded wait, and readiness is DOWN; once it is back both
 * services recover without a restart, and every key accepted before, during or after is applied exactly once.
 */
class DatabaseOutageIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String READER = "reader:e2e-reader";
    /** Well under a client's timeout: the pool gives up within about a second once it cannot open a connection. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static FreshDatabase database;
    private static TcpProxy proxy;
    private static ServiceProcess commands;
    private static ServiceProcess queries;

    @BeforeAll
    static void startBothServicesBehindTheProxy() throws SQLException, IOException {
        database = new FreshDatabase();
        URI postgres = URI.create(database.url.substring("jdbc:".length()));
        proxy = new TcpProxy(postgres.getHost(), postgres.getPort());
        String throughProxy = database.url.replaceFirst("//[^/]+/", "//localhost:" + proxy.port() + "/");
        commands = ServiceProcess.start("commandService", database.commandEnvironment(throughProxy));
        queries = ServiceProcess.start("queryService", database.queryEnvironment(throughProxy));
    }

    @AfterAll
    static void stopThem() throws SQLException {
        if (queries != null) {
            queries.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayRequestsGet503AndBothServicesRecoverWithoutARestart() throws SQLException {
        Map<String, String> accepted = new LinkedHashMap<>();
        Map<String, String> firstAnswers = new LinkedHashMap<>();
        for (String id : new String[]{"KR-BEFORE-A", "KR-BEFORE-B"}) {
            String key = UUID.randomUUID().toString();
            Http.Answer admitted = admit(id, key);
            assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
            accepted.put(key, id);
            firstAnswers.put(key, admitted.raw().body());
        }
        assertThat(ready(commands)).isEqualTo(200);
        assertThat(ready(queries)).isEqualTo(200);

        proxy.cut();

        String duringKey = UUID.randomUUID().toString();
        assertUnavailable(within(BOUND, () -> admit("KR-DURING", duringKey)));
        assertUnavailable(within(BOUND, () -> queries.http.get("/api/members/KR-BEFORE-A", READER)));
        assertUnavailable(within(BOUND, () -> admit("KR-DURING", duringKey)));
        assertUnavailable(within(BOUND, () -> queries.http.get("/api/members/KR-BEFORE-B", READER)));
        assertThat(within(BOUND, () -> commands.http.get("/actuator/health/readiness", null)).status()).isEqualTo(503);
        assertThat(within(BOUND, () -> queries.http.get("/actuator/health/readiness", null)).status()).isEqualTo(503);
        // alive all the same: nothing should restart a service for an outage of its database
        assertThat(commands.http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(queries.http.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        proxy.restore();

        await("both services ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ready(commands) == 200 && ready(queries) == 200);
        Http.Answer during = admit("KR-DURING", duringKey);
        assertThat(during.status()).as(during.toString()).isEqualTo(201);
        accepted.put(duringKey, "KR-DURING");
        firstAnswers.put(duringKey, during.raw().body());
        String afterKey = UUID.randomUUID().toString();
        Http.Answer after = admit("KR-AFTER", afterKey);
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        accepted.put(afterKey, "KR-AFTER");
        firstAnswers.put(afterKey, after.raw().body());

        for (Map.Entry<String, String> entry : accepted.entrySet()) {
            Http.Answer retried = admit(entry.getValue(), entry.getKey());
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
            assertThat(retried.raw().body()).isEqualTo(firstAnswers.get(entry.getKey()));
            assertThat(retried.header("Idempotent-Replayed")).contains("true");
            assertThat(database.count("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = '"
                    + entry.getValue() + "'")).as(entry.getValue()).isEqualTo(1);
        }
        assertThat(database.count("SELECT COUNT(*) FROM ledger.domain_event_entry")).isEqualTo(accepted.size());
        long head = after.json().get("position").asLong();
        await("the views reach the head again").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Answer register = queries.http.get("/api/members?country=KR&atLeast=" + head, READER);
            assertThat(register.status()).as(register.toString()).isEqualTo(200);
            assertThat(register.json().get("parties").findValuesAsText("id"))
                    .containsExactlyInAnyOrderElementsOf(accepted.values());
        });
    }

    private static Http.Answer admit(String id, String key) {
        return commands.http.post("/api/members", SECRETARIAT, key, """
                {"id": "%s", "country": "KR", "name": "%s", "category": "MEMBER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""".formatted(id, id));
    }

    private static int ready(ServiceProcess service) {
        return service.http.get("/actuator/health/readiness", null).status();
    }

    private static Http.Answer within(Duration bound, Supplier<Http.Answer> call) {
        long start = System.nanoTime();
        Http.Answer answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within " + bound + ": " + answer)
                .isLessThan(bound);
        return answer;
    }

    private static void assertUnavailable(Http.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:charter-ledger:problem:database-unavailable");
    }
}
