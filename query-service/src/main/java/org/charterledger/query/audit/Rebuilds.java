package org.charterledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.charterledger.query.config.LedgerPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Rebuilds every view from the first event through Axon's reset: each streaming processor is stopped, its tokens
 * reset (its {@code @ResetHandler} empties its tables) and started again, replaying the ledger. A checksum of every
 * projection's content is taken before, and again once the replay has passed the head the rebuild started at.
 * While a rebuild runs, view queries answer 503 rather than a partial view.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    /** The tables of each projection, by processing group. */
    static final Map<String, List<String>> PROJECTIONS = new TreeMap<>(Map.of(
            "register", List.of("register_party", "register_period"),
            "dues", List.of("dues_payment", "dues_rate"),
            "motions", List.of("meeting", "meeting_attendance", "motion", "motion_roll", "motion_left_off",
                    "motion_vote"),
            "offices", List.of("chair_term", "acting_chair", "secretary_general", "auditor"),
            "subcommittees", List.of("subcommittee", "coordinator_term", "subcommittee_activity")));

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final LedgerPosition position;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Rebuilds(JdbcClient jdbc, EventProcessingConfiguration processing, LedgerPosition position, ObjectMapper json,
             Clock clock, MeterRegistry meters, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.processing = processing;
        this.position = position;
        this.json = json;
        this.clock = clock.withZone(ZoneOffset.UTC); // the API writes every instant in UTC
        Gauge.builder("ledger.rebuild.remaining", this, Rebuilds::remaining)
                .description("Events a running rebuild has still to replay (0 when none runs)")
                .baseUnit("events")
                .register(meters);
    }

    private double remaining() {
        try {
            return jdbc.sql("SELECT total FROM projection.rebuild WHERE finished_at IS NULL").query(Long.class).list()
                    .stream().mapToLong(total -> Math.max(0, total - position.settled())).max().orElse(0);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /** A rebuild refused, with the problem type and the rule that refused it. */
    public static class RebuildRefused extends RuntimeException {

        private final String type;
        private final String rule;

        private RebuildRefused(String type, String rule, String detail) {
            super(detail);
            this.type = type;
            this.rule = rule;
        }

        /** A rebuild is already running: one at a time. */
        static RebuildRefused running() {
            return new RebuildRefused("rebuild-running", "one-rebuild-at-a-time", "a rebuild is already running;"
                    + " follow it at /api/audit/rebuilds/{id} and start another once it completes");
        }

        /** Another instance claimed a segment of a view at the moment of the reset. */
        static RebuildRefused segmentClaimedElsewhere(String claim) {
            return new RebuildRefused("rebuild-segment-claimed", "reset-needs-every-segment", "another query-service"
                    + " instance holds a segment of a view (" + claim + "); nothing was reset: stop the other"
                    + " instances, or try again");
        }

        public String type() {
            return type;
        }

        public String rule() {
            return rule;
        }
    }

    /** A rebuild and how far it has come. */
    public record Rebuild(String id, String requestedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                          String status, long total, long replayed, double eventsPerSecond,
                          Map<String, String> checksumsBefore, Map<String, String> checksumsAfter,
                          Boolean checksumsEqual) {
    }

    /**
     * Starts a rebuild: every view's processor stops, and its tokens are reset, all in one transaction, so that either
     * every view replays or none does. With several query-service instances, the others keep their views closed while
     * the rebuild runs and may take part in the replay; a segment another instance claims at the moment of the reset
     * refuses the rebuild (409), and every view carries on as before.
     */
    public synchronized Rebuild start(String requestedBy) {
        if (running()) {
            throw RebuildRefused.running();
        }
        Map<String, String> before = checksums();
        long total = position.head();
        String id = UUID.randomUUID().toString();
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .toList();
        position.rebuilding(true);
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            transaction.executeWithoutResult(status -> {
                processors.forEach(StreamingEventProcessor::resetTokens);
                jdbc.sql("""
                                INSERT INTO projection.rebuild (id, requested_by, started_at, total, checksums_before)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(id, requestedBy, OffsetDateTime.now(clock), total, write(before))
                        .update();
            });
        } catch (UnableToClaimTokenException claimedElsewhere) {
            position.rebuilding(false);
            throw RebuildRefused.segmentClaimedElsewhere(claimedElsewhere.getMessage());
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
        log.atInfo().setMessage("Rebuild {} started by {}: every view replays the ledger's {} events").addArgument(id)
                .addArgument(requestedBy).addArgument(total)
                .addKeyValue("rebuild", id).addKeyValue("outcome", "started").addKeyValue("principal", requestedBy)
                .addKeyValue("total", total).log();
        return find(id).orElseThrow();
    }

    /** Whether a rebuild has started and not yet completed, here or on another instance. */
    public boolean running() {
        return !jdbc.sql("SELECT id FROM projection.rebuild WHERE finished_at IS NULL").query(String.class).list()
                .isEmpty();
    }

    /**
     * Follows the running rebuild: closes the views while it runs (here, or on another instance) and completes it,
     * with the checksums after, once every view has replayed and settled at the head it started at. The check is the
     * rebuild's own work, on its own schedule; a query only reads the flag.
     */
    @Scheduled(fixedDelayString = "${ledger.rebuild.check-interval:100}")
    public synchronized void follow() {
        List<Map.Entry<String, Long>> open = jdbc.sql("SELECT id, total FROM projection.rebuild WHERE finished_at IS NULL")
                .query((rs, i) -> Map.entry(rs.getString("id"), rs.getLong("total"))).list();
        boolean stillRunning = false;
        for (Map.Entry<String, Long> rebuild : open) {
            if (position.replayedTo(rebuild.getValue())) {
                Map<String, String> after = checksums();
                int completed = jdbc.sql("""
                                UPDATE projection.rebuild SET finished_at = ?, checksums_after = ?
                                WHERE id = ? AND finished_at IS NULL""")
                        .params(OffsetDateTime.now(clock), write(after), rebuild.getKey()).update();
                if (completed == 1) { // this instance completed it, and logs it once
                    logCompleted(rebuild.getKey(), after);
                }
            } else {
                stillRunning = true;
            }
        }
        position.rebuilding(stillRunning);
    }

    private void logCompleted(String id, Map<String, String> after) {
        find(id).ifPresent(rebuild -> log.atInfo()
                .setMessage("Rebuild {} completed: {} events replayed at {} events/s; the views' checksums {}")
                .addArgument(id).addArgument(rebuild.total()).addArgument(Math.round(rebuild.eventsPerSecond()))
                .addArgument(after.equals(rebuild.checksumsBefore()) ? "are unchanged" : "changed")
                .addKeyValue("rebuild", id).addKeyValue("outcome", "completed").addKeyValue("total", rebuild.total())
                .addKeyValue("checksumsEqual", after.equals(rebuild.checksumsBefore())).log());
    }

    /** The rebuild's state and how far its replay has come. */
    public Optional<Rebuild> find(String id) {
        return jdbc.sql("SELECT * FROM projection.rebuild WHERE id = ?").param(id)
                .query((rs, i) -> {
                    long total = rs.getLong("total");
                    OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    String after = rs.getString("checksums_after");
                    long replayed = finished != null ? total : Math.min(total, position.settled());
                    Map<String, String> before = read(rs.getString("checksums_before"));
                    Map<String, String> afterMap = after == null ? null : read(after);
                    double seconds = Math.max(0.001, Duration.between(started,
                            finished != null ? finished : OffsetDateTime.now(clock)).toMillis() / 1000.0);
                    return new Rebuild(id, rs.getString("requested_by"), started, finished,
                            finished == null ? "RUNNING" : "COMPLETED", total, replayed, replayed / seconds, before,
                            afterMap, afterMap == null ? null : afterMap.equals(before));
                })
                .optional();
    }

    /** A deterministic checksum of each projection's content: SHA-256 over its rows, sorted. */
    public Map<String, String> checksums() {
        Map<String, String> checksums = new TreeMap<>();
        PROJECTIONS.forEach((projection, tables) -> {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                for (String table : tables) {
                    List<String> rows = new ArrayList<>();
                    jdbc.sql("SELECT * FROM projection." + table).query(rs -> {
                        StringBuilder row = new StringBuilder(table);
                        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                            row.append('|').append(rs.getString(column));
                        }
                        rows.add(row.toString());
                    });
                    rows.stream().sorted().forEach(row -> sha256.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
                }
                checksums.put(projection, HexFormat.of().formatHex(sha256.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return checksums;
    }

    private String write(Map<String, String> checksums) {
        try {
            return json.writeValueAsString(checksums);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String checksums) {
        try {
            return json.readValue(checksums, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
