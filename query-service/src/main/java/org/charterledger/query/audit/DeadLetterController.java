package org.charterledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.charterledger.query.config.DeadLetters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Events a view could not process, parked with the later events of their aggregate so that the rest of the ledger
 * flows on (see {@code DeadLetters}); and their retry, once the cause is fixed. A parked event is still in the record
 * and in the audit chain: only the view that could not hold it lacks it.
 */
@RestController
@Tag(name = "Audit", description = "Events a view could not process, and their retry")
class DeadLetterController {

    /** A parked event: the view, its aggregate's sequence, the event, and why the view refused it. */
    record Letter(String view, String sequence, long index, String eventIdentifier, Long position, String payloadType,
                  Long sequenceNumber, String cause, String causeMessage, String enqueuedAt, String lastTouched) {
    }

    record Letters(long parked, List<Letter> letters) {
    }

    record Retry(int sequencesRetried, int sequencesProcessed, long stillParked) {
    }

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetterController(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @GetMapping("/api/audit/dead-letters")
    @Operation(operationId = "listDeadLetters",
            summary = "Events parked because a view could not process them, with the reason")
    Letters letters() {
        List<Letter> letters = jdbc.sql("""
                        SELECT d.processing_group, d.sequence_identifier, d.sequence_index, d.event_identifier,
                               e.global_index, d.payload_type, d.sequence_number, d.cause_type, d.cause_message,
                               d.enqueued_at, d.last_touched
                        FROM projection.dead_letter_entry d
                        LEFT JOIN ledger.domain_event_entry e ON e.event_identifier = d.event_identifier
                        ORDER BY d.processing_group, d.sequence_identifier, d.sequence_index
                        LIMIT 1000""")
                .query((rs, i) -> new Letter(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), rs.getString(6), (Long) rs.getObject(7, Long.class),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
        return new Letters(count(), letters);
    }

    @PostMapping("/api/audit/dead-letters/retries")
    @Operation(operationId = "retryDeadLetters",
            summary = "Retry every parked sequence in its view (role AUDITOR or SECRETARIAT)",
            description = "Each sequence is handed to its view again in order; one that fails again stays parked.")
    Retry retry() {
        List<String> groups = jdbc.sql("SELECT DISTINCT processing_group FROM projection.dead_letter_entry")
                .query(String.class).list();
        int retried = 0;
        int processed = 0;
        for (String group : groups) {
            var processor = processing.sequencedDeadLetterProcessor(group);
            if (processor.isEmpty()) {
                continue;
            }
            long sequences = jdbc.sql("""
                            SELECT COUNT(DISTINCT sequence_identifier) FROM projection.dead_letter_entry
                            WHERE processing_group = ?""")
                    .param(group).query(Long.class).single();
            for (long i = 0; i < sequences; i++) {
                retried++;
                if (DeadLetters.retrying(processor.get()::processAny)) {
                    processed++;
                }
            }
        }
        return new Retry(retried, processed, count());
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM projection.dead_letter_entry").query(Long.class).single();
    }
}
