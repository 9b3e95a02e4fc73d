package org.charterledger.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The views' processors in health ({@code processors}), for the operator: for each, whether it runs, the segments
 * this instance processes, how far it has come ({@link LedgerPosition}, the same reading the queries' positions
 * use), its lag behind the ledger's head in events, the events it parked and the error of any segment. DOWN while
 * some segment is in error: a stored event that fails is parked instead ({@link DeadLetters}), so an error is the
 * database or a bug, and the view stands still until it clears.
 */
@Component("processorsHealthIndicator") // "processors" in health
class ProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final LedgerPosition position;
    private final JdbcClient jdbc;

    ProcessorsHealth(EventProcessingConfiguration processing, LedgerPosition position, JdbcClient jdbc) {
        super("the views' processors could not be read");
        this.processing = processing;
        this.position = position;
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long head = position.head();
        Map<String, Long> parked = parkedByGroup();
        Map<String, LedgerPosition.Progress> progress = position.byProcessor();
        boolean failing = false;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (Map.Entry<String, LedgerPosition.Progress> entry : progress.entrySet()) {
            String name = entry.getKey();
            LedgerPosition.Progress view = entry.getValue();
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            details.put("replaying", view.replaying());
            List<Integer> segments = processor.processingStatus().keySet().stream().sorted().toList();
            details.put("segments", segments);
            details.put("position", view.position());
            details.put("settled", view.settled());
            details.put("lag", Math.max(0, head - view.position()));
            details.put("deadLetters", parked.getOrDefault(name, 0L));
            Map<Integer, String> errors = new LinkedHashMap<>();
            processor.processingStatus().forEach((segment, status) -> {
                if (status.isErrorState()) {
                    errors.put(segment, describe(status));
                }
            });
            if (!errors.isEmpty()) {
                details.put("errors", errors);
            }
            failing |= processor.isError();
            processors.put(name, details);
        }
        (failing ? health.down() : health.up())
                .withDetail("head", head)
                .withDetail("rebuilding", position.rebuilding())
                .withDetails(processors);
    }

    private static String describe(EventTrackerStatus status) {
        Throwable error = status.getError();
        return error == null ? "in error" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private Map<String, Long> parkedByGroup() {
        Map<String, Long> parked = new HashMap<>();
        jdbc.sql("SELECT processing_group, COUNT(*) AS parked FROM projection.dead_letter_entry GROUP BY processing_group")
                .query(rs -> {
                    parked.put(rs.getString("processing_group"), rs.getLong("parked"));
                });
        return parked;
    }
}
