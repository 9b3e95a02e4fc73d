package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of both services as they run in production (separate processes, the postgres profile, on
 * PostgreSQL, NEAR's register imported at start): health whose details only the operator (the auditor) reads,
 * metrics with histogram buckets, JSON log lines with the request id, and the dashboard's queries all answered.
 */
class OperationsIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String READER = "reader:e2e-reader";
    private static final String OPERATOR = "auditor:e2e-auditor";
    /** Micrometer reports a meter registered twice at WARN only the first time, then at DEBUG: every one shows. */
    private static final String EVERY_DUPLICATE_METER = "--logging.level.io.micrometer.core.instrument.MeterRegistry=debug";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningLedger ledger;
    private static ServiceProcess commands;
    private static ServiceProcess queries;

    @BeforeAll
    static void startBothServicesWithNearsRegister() throws SQLException {
        ledger = RunningLedger.start(
                List.of("--ledger.import.reference-data=file:" + System.getProperty("referenceData"), EVERY_DUPLICATE_METER),
                List.of(EVERY_DUPLICATE_METER));
        commands = ledger.commands;
        queries = ledger.queries;
    }

    @AfterAll
    static void stopThem() throws SQLException {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void healthShowsItsDetailsToTheOperatorOnly() {
        for (ServiceProcess service : List.of(commands, queries)) {
            for (String stranger : new String[]{null, notTheOperator(service)}) {
                JsonNode status = service.http.get("/actuator/health", stranger).json();
                assertThat(status.get("status").asText()).isEqualTo("UP");
                assertThat(status.has("components")).as("details for %s", stranger).isFalse();
            }
            JsonNode db = service.http.get("/actuator/health", OPERATOR).json().get("components").get("db");
            assertThat(db.get("status").asText()).isEqualTo("UP");
            assertThat(db.get("details").get("database").asText()).isEqualTo("PostgreSQL");
        }

        JsonNode processors = await().atMost(Duration.ofSeconds(30)).until(
                () -> queries.http.get("/actuator/health", OPERATOR).json().get("components").get("processors"),
                p -> p.get("details").get("register").get("lag").asLong() == 0);
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        JsonNode details = processors.get("details");
        long head = details.get("head").asLong();
        assertThat(head).isGreaterThan(200); // NEAR's register and its 13th General Assembly
        for (String view : List.of("register", "dues", "motions", "offices", "subcommittees")) {
            JsonNode processor = details.get(view);
            assertThat(processor.get("running").asBoolean()).as(view).isTrue();
            assertThat(processor.get("error").asBoolean()).as(view).isFalse();
            assertThat(processor.get("segments")).as(view).hasSize(2);
            assertThat(processor.get("position").asLong()).as(view).isLessThanOrEqualTo(head);
            assertThat(processor.get("lag").asLong()).as(view)
                    .isEqualTo(head - processor.get("position").asLong());
            assertThat(processor.get("deadLetters").asLong()).as(view).isZero();
        }
    }

    @Test
    void metricsAreTheOperatorsWithHistogramBuckets() {
        for (ServiceProcess service : List.of(commands, queries)) {
            assertThat(service.http.get("/actuator/prometheus", null).status()).isEqualTo(401);
            Http.Answer forbidden = service.http.get("/actuator/prometheus", notTheOperator(service));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.json().get("detail").asText()).contains("AUDITOR");
            assertThat(service.http.get("/actuator/metrics", notTheOperator(service)).status()).isEqualTo(403);
        }
        String commandMetrics = prometheus(commands);
        assertThat(commandMetrics)
                .containsPattern("ledger_commands_seconds_bucket\\{[^}]*outcome=\"accepted\"[^}]*type=\"AdmitMember\"[^}]*le=")
                .containsPattern("ledger_commands_seconds_count\\{[^}]*type=\"CastVote\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=")
                .contains("commandBus_successTimer_seconds");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(prometheus(queries))
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=")
                .contains("ledger_projection_lag_events"));
    }

    @Test
    void aCommandLogsOneJsonLineWithItsRequestId() {
        String requestId = "ops-" + UUID.randomUUID();
        Http.Answer admitted = commands.http.post("/api/members", SECRETARIAT, UUID.randomUUID().toString(),
                """
                {"id": "JP-OPS-TEST", "country": "JP", "name": "Operations Test Prefecture", "category": "OBSERVER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""", Map.of("X-Request-Id", requestId));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        assertThat(admitted.header("X-Request-Id")).contains(requestId);

        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> logLine(commands.log, requestId,
                "org.charterledger.command.submission.IdempotentCommands"), Optional::isPresent).orElseThrow();
        assertThat(line.get("message").asText()).isEqualTo("AdmitMember accepted: JP-OPS-TEST at position "
                + admitted.json().get("position").asLong());
        assertThat(line.get("command").asText()).isEqualTo("AdmitMember");
        assertThat(line.get("outcome").asText()).isEqualTo("accepted");
        assertThat(line.get("position").asLong()).isEqualTo(admitted.json().get("position").asLong());
        assertThat(line.get("log").get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("service").get("name").asText()).isEqualTo("command-service");

        // Refused: the rule it broke, under the same kind of line. A usable id is kept; junk is replaced.
        Http.Answer again = commands.http.post("/api/members", SECRETARIAT, UUID.randomUUID().toString(),
                """
                {"id": "JP-OPS-TEST", "country": "JP", "name": "Operations Test Prefecture", "category": "OBSERVER",
                 "admittedOn": "2021-01-01", "basis": "OPENING_BALANCE"}""", Map.of("X-Request-Id", "not usable: {spaces}"));
        assertThat(again.status()).isEqualTo(409);
        String replaced = again.header("X-Request-Id").orElseThrow();
        assertThat(replaced).matches("[0-9a-f-]{36}");
        JsonNode refused = await().atMost(Duration.ofSeconds(10)).until(() -> logLine(commands.log, replaced,
                "org.charterledger.command.submission.IdempotentCommands"), Optional::isPresent).orElseThrow();
        assertThat(refused.get("outcome").asText()).isEqualTo("rejected");
        assertThat(refused.get("refusal").asText()).isEqualTo(again.json().get("type").asText()
                .substring(again.json().get("type").asText().lastIndexOf(':') + 1));
    }

    @Test
    void aRebuildLogsItsStartAndItsEnd() {
        Http.Answer started = queries.http.post("/api/audit/rebuilds", OPERATOR, null, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asText();

        JsonNode completed = await().atMost(Duration.ofSeconds(60)).until(() -> logLines(queries.log).stream()
                .filter(l -> id.equals(l.path("rebuild").asText()) && "completed".equals(l.path("outcome").asText()))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(completed.get("message").asText()).startsWith("Rebuild " + id + " completed: ")
                .endsWith("the views' checksums are unchanged");
        JsonNode start = logLines(queries.log).stream()
                .filter(l -> id.equals(l.path("rebuild").asText()) && "started".equals(l.path("outcome").asText()))
                .findFirst().orElseThrow();
        assertThat(start.get("requestId").asText()).isEqualTo(started.header("X-Request-Id").orElseThrow());
    }

    @Test
    void noMeterIsRegisteredTwice() {
        // commands of every kind NEAR's import sends, and the views' handling of their events, have run
        await().atMost(Duration.ofSeconds(30)).until(
                () -> queries.http.get("/api/motions/GA13-M2", READER).status() == 200);
        for (ServiceProcess service : List.of(commands, queries)) {
            assertThat(read(service.log)).as(service.log.toString())
                    .isNotEmpty()
                    .doesNotContain("has been already registered");
        }
    }

    /** Every metric the dashboard charts is one the services expose: a renamed metric cannot leave a blank panel. */
    @Test
    void theDashboardQueriesOnlyMetricsTheServicesExpose() throws IOException {
        JsonNode dashboard = JSON.readTree(Path.of(System.getProperty("grafanaDashboard")).toFile());
        List<String> expressions = dashboard.get("panels").findValuesAsText("expr");
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        Set<String> queried = new TreeSet<>();
        expressions.forEach(expression -> queried.addAll(metricsIn(expression)));
        assertThat(queried).contains("ledger_commands_seconds_bucket", "ledger_commands_seconds_count",
                "http_server_requests_seconds_bucket", "ledger_projection_lag_events", "ledger_dead_letters_events",
                "hikaricp_connections_active");

        Set<String> exposed = new TreeSet<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            exposed.addAll(metricNames(prometheus(commands)));
            exposed.addAll(metricNames(prometheus(queries)));
            assertThat(exposed).containsAll(queried);
        });
    }

    /** A user of the service who is not its operator: the Secretariat on the command service, a reader on the other. */
    private static String notTheOperator(ServiceProcess service) {
        return service == commands ? SECRETARIAT : READER;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\(?))");

    /** The metric names a PromQL expression reads: identifiers other than functions, keywords and label names. */
    static Set<String> metricsIn(String expression) {
        String bare = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")       // string literals
                .replaceAll("\\{[^}]*}", "")                          // label matchers
                .replaceAll("\\[[^]]*]", "")                          // range selectors
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", ""); // grouping labels
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean function = !identifier.group(1).isEmpty();
            if (!function && !PROMQL_WORDS.contains(identifier.group())) {
                metrics.add(identifier.group());
            }
        }
        return metrics;
    }

    private static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static String prometheus(ServiceProcess service) {
        Http.Answer answer = service.http.get("/actuator/prometheus", OPERATOR);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.raw().body();
    }

    private static Optional<JsonNode> logLine(Path log, String requestId, String logger) {
        return logLines(log).stream()
                .filter(line -> requestId.equals(line.path("requestId").asText())
                        && logger.equals(line.path("log").path("logger").asText()))
                .findFirst();
    }

    /** The log's JSON lines: under the postgres profile every line the services log is one (ECS). */
    private static List<JsonNode> logLines(Path log) {
        List<JsonNode> lines = new ArrayList<>();
        read(log).lines().filter(line -> line.startsWith("{")).forEach(line -> {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException notJson) {
                throw new AssertionError("a log line that is not JSON: " + line, notJson);
            }
        });
        return lines;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
