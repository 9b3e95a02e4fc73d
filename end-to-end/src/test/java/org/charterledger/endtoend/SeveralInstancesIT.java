package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command-service and two query-service instances on one PostgreSQL database, under load from eight clients:
 * payments to the same members through both command instances (so their appends collide and their cached aggregates
 * go stale), and the same keys sent to both at once. Every accepted command is stored exactly once and every key
 * replays its first answer; both query instances show every payment; when the query instance that holds the views'
 * segments is killed, the other takes them over; and a rebuild on the survivor completes with the same checksums.
 */
class SeveralInstancesIT {

    private static final String SECRETARIAT = "secretariat:e2e-secretariat";
    private static final String AUDITOR = "auditor:e2e-auditor";
    private static final List<String> PAYERS = List.of("KR-ULSAN", "KR-GYEONGBUK", "CN-HENAN", "JP-TOYAMA",
            "MN-TOV", "RU-SAKHA");

    @Test
    void noEventIsLostOrDoubledAndTheViewsFollowOnEveryInstance() throws Exception {
        try (FreshDatabase database = new FreshDatabase();
             ServiceProcess first = ServiceProcess.start("commandService", database.commandEnvironment(),
                     "--ledger.import.reference-data=classpath:reference/near-2021.yaml");
             ServiceProcess second = ServiceProcess.start("commandService", database.commandEnvironment());
             ServiceProcess left = ServiceProcess.start("queryService", database.queryEnvironment());
             ServiceProcess right = ServiceProcess.start("queryService", database.queryEnvironment())) {
            long before = database.count("SELECT COUNT(*) FROM ledger.domain_event_entry");

            Map<String, JsonNode> receipts = new ConcurrentHashMap<>();
            Map<String, String[]> twins = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String key = "pay-" + i + "-" + UUID.randomUUID();
                String member = PAYERS.get(i % PAYERS.size());
                String body = payment(2021 + i % 3);
                List<ServiceProcess> targets = i % 6 == 0 ? List.of(first, second) : List.of(i % 2 == 0 ? first : second);
                if (targets.size() == 2) {
                    twins.put(key, new String[]{member, body});
                }
                for (ServiceProcess target : targets) {
                    sent.add(clients.submit(() -> {
                        Http.Answer answer = target.http.post("/api/members/" + member + "/dues-payments",
                                SECRETARIAT, key, body);
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                        JsonNode receipt = answer.json();
                        JsonNode earlier = receipts.putIfAbsent(key, receipt);
                        if (earlier != null) {
                            assertThat(receipt).as("the same key answers the same receipt").isEqualTo(earlier);
                        }
                    }));
                }
            }
            for (Future<?> request : sent) {
                request.get();
            }
            clients.shutdown();

            assertThat(receipts).hasSize(120);
            assertThat(twins).isNotEmpty();
            assertThat(database.count("SELECT COUNT(*) FROM ledger.domain_event_entry") - before).isEqualTo(120);
            assertThat(database.count("SELECT COUNT(DISTINCT payload) FROM ledger.domain_event_entry"
                    + " WHERE payload_type LIKE '%DuesPaid'")).isEqualTo(120);
            twins.forEach((key, request) -> {
                Http.Answer again = second.http.post("/api/members/" + request[0] + "/dues-payments", SECRETARIAT,
                        key, request[1]);
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
                assertThat(again.header("Idempotent-Replayed")).contains("true");
                assertThat(again.json()).isEqualTo(receipts.get(key));
            });
            assertThat(database.count("SELECT COUNT(*) FROM ledger.domain_event_entry") - before).isEqualTo(120);
            long head = receipts.values().stream().mapToLong(r -> r.get("position").asLong()).max().orElseThrow();

            for (ServiceProcess queries : List.of(left, right)) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        queries.http.get("/api/members?atLeast=" + head, AUDITOR).status() == 200);
                int payments = 0;
                for (String member : PAYERS) {
                    JsonNode dues = queries.http.get("/api/members/" + member + "/dues?asOf=2023-12-31", AUDITOR)
                            .json();
                    payments += dues.findValues("paymentId").size();
                }
                assertThat(payments).as("payments shown by each query instance").isEqualTo(120);
            }

            ServiceProcess holder = database.count("SELECT COUNT(*) FROM projection.token_entry WHERE owner IS NOT NULL"
                    + " AND owner LIKE '" + pid(left) + "@%'") > 0 ? left : right;
            ServiceProcess survivor = holder == left ? right : left;
            holder.kill();
            Http.Answer after = first.http.post("/api/members/KR-ULSAN/dues-payments", SECRETARIAT,
                    UUID.randomUUID().toString(), payment(2024));
            assertThat(after.status()).as(after.toString()).isEqualTo(201);
            long position = after.json().get("position").asLong();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    survivor.http.get("/api/members/KR-ULSAN?atLeast=" + position, AUDITOR).status() == 200);

            long paymentsBefore = database.count("SELECT COUNT(*) FROM projection.dues_payment");
            assertThat(paymentsBefore).isEqualTo(121);
            Http.Answer started = survivor.http.post("/api/audit/rebuilds", AUDITOR, null, "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String location = started.header("Location").orElseThrow();
            JsonNode rebuild = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> survivor.http.get(location, AUDITOR).json(),
                            r -> r.get("status").asText().equals("COMPLETED"));
            assertThat(database.count("SELECT COUNT(*) FROM projection.dues_payment")).as(rebuild.toString())
                    .isEqualTo(paymentsBefore);
            assertThat(rebuild.get("checksumsEqual").asBoolean()).as(rebuild.toString()).isTrue();
        }
    }

    private static String payment(int year) {
        return "{\"fiscalYear\": " + year + ", \"paid\": {\"amount\": \"100\", \"currency\": \"USD\"},"
                + " \"paidOn\": \"" + year + "-03-02\"}";
    }

    private static long pid(ServiceProcess service) {
        return service.pid();
    }
}
