package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The settled position on a quiet ledger, on a ledger of its own. An append that collides and rolls back leaves its
 * position empty for ever; the settled position (and with it the audit chain and a rebuild's completion) must pass
 * it within seconds although nothing is appended after it. A position still held by an open transaction, though,
 * must hold the settled position back until that transaction ends, and its event must then be chained.
 */
class SettledPositionIT extends LedgerIT {

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
    }

    @Test
    void aRolledBackAppendDoesNotStallTheChainOrARebuildOnAQuietLedger() throws Exception {
        long first = appendObserver();
        long rolledBack = rolledBackAppend();
        long last = appendObserver();
        assertThat(rolledBack).isBetween(first + 1, last - 1);

        JsonNode digest = await().atMost(Duration.ofSeconds(5))
                .until(() -> body(get("/api/audit/digest")), d -> d.get("position").asLong() == last);
        assertThat(digest.get("unchained").asLong()).isZero();
        assertThat(body(get("/api/audit/events?after=0&limit=100")).get("events")).hasSize((int) (last - first));

        ResponseEntity<String> started = http.withBasicAuth("auditor", "test-auditor")
                .postForEntity("/api/audit/rebuilds", null, String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        String location = started.getHeaders().getLocation().toString();
        JsonNode rebuild = await().atMost(Duration.ofSeconds(10))
                .until(() -> body(get(location)), r -> r.get("status").asText().equals("COMPLETED"));
        assertThat(rebuild.get("checksumsEqual").asBoolean()).isTrue();
        assertThat(rebuild.get("replayed").asLong()).isEqualTo(rebuild.get("total").asLong());
    }

    @Test
    void aPositionHeldByAnOpenTransactionHoldsTheSettledPositionUntilItCommits() throws Exception {
        long before = appendObserver();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> body(get("/api/audit/digest")).get("position").asLong() == before);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        String slow = newId("KR");
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            ledger.appendEvents(new GenericDomainEventMessage<>("Member", slow, 0, observer(slow)));
            appended.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        long after = appendObserver();

        // the views handle the later event, and the settled position stays below the open transaction's
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/api/members?atLeast=" + after)
                .getStatusCode().value() == 200);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> body(get("/api/audit/digest")).get("position").asLong() < after - 1);

        commit.countDown();
        open.get(10, TimeUnit.SECONDS);
        JsonNode digest = await().atMost(Duration.ofSeconds(5))
                .until(() -> body(get("/api/audit/digest")), d -> d.get("position").asLong() == after);
        assertThat(digest.get("unchained").asLong()).isZero();
        assertThat(body(get("/api/members/" + slow)).get("id").asText()).isEqualTo(slow);
    }

    private long appendObserver() {
        String id = newId("KR");
        return append(id, observer(id));
    }

    /** An append whose transaction rolls back, as a command's does when it collides: answers the position it took. */
    private long rolledBackAppend() {
        String id = newId("KR");
        try {
            transactions.executeInTransaction(() -> {
                ledger.appendEvents(new GenericDomainEventMessage<>("Member", id, 0, observer(id)));
                throw new IllegalStateException("collided");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        return jdbc.sql("SELECT last_value FROM ledger.domain_event_entry_global_index_seq").query(Long.class).single();
    }

    private static MemberAdmitted observer(String id) {
        return new MemberAdmitted(new MemberId(id), CountryCode.of("KR"), "Observer", null,
                PartyCategory.OBSERVER, LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE, null);
    }
}
