package org.charterledger.query.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.charterledger.web.EventTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the views have come through the ledger, read from the streaming processors' tokens: those stored in the
 * token table (every instance's segments) overlaid by this instance's live status (fresher for its own segments).
 * A view has reached position N when every segment of every processor has handled or passed event N.
 */
@Component
public class LedgerPosition {

    /** The response header that carries the position a query's answer reflects. */
    public static final String HEADER = "Ledger-Position";
    private static final Duration POLL = Duration.ofMillis(2);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;
    private final Gaps gaps;
    private volatile boolean rebuilding;

    LedgerPosition(JdbcClient jdbc, Serializer serializer, EventProcessingConfiguration processing, Gaps gaps,
                   MeterRegistry meters, LedgerSettings settings) {
        this.jdbc = jdbc;
        this.gaps = gaps;
        this.serializer = serializer;
        this.processing = processing;
        this.maxWait = settings.query().atLeastTimeout();
        Gauge.builder("ledger.projection.lag", this, LedgerPosition::lag)
                .description("Events in the ledger that some view has not processed yet (head minus position)")
                .baseUnit("events")
                .register(meters);
    }

    /** Whether a rebuild is replaying the views: then they answer 503 rather than a partial view. */
    public boolean rebuilding() {
        return rebuilding;
    }

    /** Set by the rebuild that runs, and cleared once it completes. */
    public void rebuilding(boolean running) {
        this.rebuilding = running;
    }

    /** The metadata key under which {@link LedgerEvents} hands each event its own position. */
    static final String METADATA_KEY = "ledgerPosition";

    /**
     * The ledger position (global index) of an event a view is handling. It is not the position of the event's
     * token: an event that commits late fills a gap below the token's index, and the token's position stays where it
     * was, so a view would record the same event at another position live than in a replay.
     */
    public static long of(TrackedEventMessage<?> event) {
        Object position = event.getMetaData().get(METADATA_KEY);
        return position instanceof Number number ? number.longValue() : event.trackingToken().position().orElseThrow();
    }

    /** The highest position that every view has reached; 0 before any event was processed. */
    public long current() {
        List<TrackingToken> tokens = tokens();
        if (tokens.isEmpty()) {
            return 0;
        }
        return tokens.stream().mapToLong(LedgerPosition::position).min().orElse(0);
    }

    /**
     * The highest position up to which every view has handled every event, gaps included: no event at or below it
     * can still arrive. Gaps that no transaction can fill any more ({@link Gaps}) do not hold it back. The audit
     * chain extends only this far; during a rebuild it is how far the replay has come.
     */
    public long settled() {
        List<TrackingToken> tokens = tokens();
        if (tokens.isEmpty()) {
            return 0;
        }
        return tokens.stream().mapToLong(this::settled).min().orElse(0);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private long settled(TrackingToken token) {
        return token == null ? 0 : WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(t -> {
                    gaps.seen(t.getGaps());
                    return t.getGaps().stream().filter(gap -> !gaps.dead(gap)).findFirst()
                            .map(gap -> gap - 1).orElse(t.getIndex());
                })
                .orElse(0L);
    }

    /** Whether some view is replaying the ledger (its token is a replay token). */
    public boolean replaying() {
        return tokens().stream().anyMatch(ReplayToken.class::isInstance);
    }

    /** Whether every view has replayed, if it was replaying, and settled at or past {@code position}. */
    public boolean replayedTo(long position) {
        List<TrackingToken> tokens = tokens();
        return !tokens.isEmpty() && tokens.stream()
                .allMatch(token -> !(token instanceof ReplayToken) && settled(token) >= position);
    }

    /** Whether every view reflects the event at {@code position}. */
    public boolean reached(long position) {
        if (position <= 0) {
            return true;
        }
        List<TrackingToken> tokens = tokens();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> passed(token, position));
    }

    /**
     * Whether a segment has handled or skipped the event at {@code position}: its token is at or beyond it and does
     * not list it as a gap that may still be filled (a transaction not yet committed when the segment went by).
     */
    private boolean passed(TrackingToken token, long position) {
        return token != null && WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(t -> t.getIndex() >= position && (!t.getGaps().contains(position) || gaps.dead(position)))
                .orElse(false);
    }

    /** Waits, for a few seconds at most, until every view reflects {@code position}. */
    public void awaitAtLeast(long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!reached(position)) {
            if (System.nanoTime() > deadline) {
                throw new PositionNotReached(position, current(), maxWait);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PositionNotReached(position, current(), maxWait);
            }
        }
    }

    /** The position of the newest event in the ledger. */
    public long head() {
        return EventTable.newestPosition(jdbc);
    }

    private double lag() {
        try {
            return Math.max(0, head() - current());
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /**
     * One token per segment of every view's processor. The segments this instance processes are read from their
     * live status, in memory; the token table is read only when some segment is processed elsewhere (another
     * instance), so that on a single instance a query costs no database read for its position.
     */
    private List<TrackingToken> tokens() {
        List<TrackingToken> all = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.addAll(tokens(name, streaming));
            }
        });
        return all;
    }

    private Collection<TrackingToken> tokens(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        double covered = live.values().stream()
                .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        Map<Integer, TrackingToken> bySegment = covered >= 1.0 ? new HashMap<>() : stored(name);
        live.forEach((segment, status) -> bySegment.put(segment, status.getTrackingToken()));
        return bySegment.values();
    }

    /** How far one view's processor has come: its position and settled position, as for all views together. */
    public record Progress(long position, long settled, boolean replaying) {
    }

    /** How far each view's processor has come, by processor name. */
    public Map<String, Progress> byProcessor() {
        Map<String, Progress> progress = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Collection<TrackingToken> tokens = tokens(name, streaming);
                progress.put(name, new Progress(
                        tokens.stream().mapToLong(LedgerPosition::position).min().orElse(0),
                        tokens.stream().mapToLong(this::settled).min().orElse(0),
                        tokens.stream().anyMatch(ReplayToken.class::isInstance)));
            }
        });
        return progress;
    }

    private Map<Integer, TrackingToken> stored(String processor) {
        Map<Integer, TrackingToken> bySegment = new HashMap<>();
        jdbc.sql("SELECT segment, token, token_type FROM projection.token_entry WHERE processor_name = ?")
                .param(processor)
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    bySegment.put(rs.getInt("segment"), token == null ? null : serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null)));
                });
        return bySegment;
    }
}
