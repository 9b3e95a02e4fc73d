package org.charterledger.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The source every view's processor reads: the event table, through Axon's JDBC storage engine (upcasting and
 * gap tracking included), woken as soon as a command commits. {@link #wake()} is called by {@link CommitListener}
 * on the command service's notification; a short poll ({@code ledger.events.poll-interval}) stays as the fallback,
 * and is all there is on a database without notifications (the embedded default).
 * <p>
 * Axon's own embedded event store polls its table once a second and cannot tell a pooled processor that events
 * arrived, so its coordinator looks again only every half second: together, most of a second between a commit and
 * its views. Streams opened here tell their processor at once.
 */
@Component
public class LedgerEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Events one read of the table takes at most. */
    private static final int READ_AHEAD = 1_000;

    private final EventStorageEngine storage;
    private final long pollNanos;
    private final Object signal = new Object();
    private final Set<Tail> tails = ConcurrentHashMap.newKeySet();
    private long wakes;

    LedgerEvents(EventStorageEngine storage, LedgerSettings settings) {
        this.storage = storage;
        this.pollNanos = settings.events().pollInterval().toNanos();
    }

    /** New events may be in the table: every open stream reads again and tells its processor. */
    public void wake() {
        synchronized (signal) {
            wakes++;
            signal.notifyAll();
        }
        tails.forEach(Tail::available);
    }

    /** Fallback poll, in case a notification was missed or cannot be had. */
    void poll() {
        tails.forEach(tail -> {
            if (tail.idleFor() >= pollNanos) {
                tail.available();
            }
        });
    }

    long pollNanos() {
        return pollNanos;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        Tail tail = new Tail(trackingToken);
        tails.add(tail);
        return tail;
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    private long wakes() {
        synchronized (signal) {
            return wakes;
        }
    }

    /** One processor's stream: reads the table after its last token whenever it may hold something new. */
    private final class Tail implements BlockingStream<TrackedEventMessage<?>> {

        private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private volatile Runnable onAvailable = () -> { };
        /** The token of the last event read: only read again once the buffer is empty, so also the last taken. */
        private TrackingToken previous;
        private long previousPosition;
        private long seenWakes = -1;
        private boolean behind = true;
        private volatile long lastRead = System.nanoTime();

        private Tail(TrackingToken start) {
            this.previous = start;
        }

        private void available() {
            onAvailable.run();
        }

        private long idleFor() {
            return System.nanoTime() - lastRead;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable() ? Optional.of(buffer.peek()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (!buffer.isEmpty()) {
                    return true;
                }
                long wakesNow = wakes();
                if (behind || wakesNow != seenWakes || idleFor() >= pollNanos) {
                    seenWakes = wakesNow;
                    read();
                    if (!buffer.isEmpty()) {
                        return true;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                synchronized (signal) {
                    if (wakes == seenWakes) {
                        TimeUnit.NANOSECONDS.timedWait(signal, Math.min(remaining, pollNanos));
                    }
                }
            }
        }

        private void read() {
            lastRead = System.nanoTime();
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(previous, false)) {
                events.limit(READ_AHEAD).forEach(event -> {
                    buffer.add((TrackedEventMessage<?>) event.andMetaData(
                            Map.of(LedgerPosition.METADATA_KEY, positionOf(event))));
                    previous = event.trackingToken();
                });
            }
            // a full read means more events wait in the table (a replay, a view catching up): read on at once
            behind = buffer.size() >= READ_AHEAD;
        }

        /**
         * The event's own position, read from how it moved the token: to its own index, or, for an event that
         * committed late, by filling the gap at its index (the token's index then stays where it was).
         */
        private long positionOf(TrackedEventMessage<?> event) {
            if (event.trackingToken().equals(previous)) {
                return previousPosition; // one stored event upcast into several
            }
            GapAwareTrackingToken next = gapAware(event.trackingToken());
            GapAwareTrackingToken before = gapAware(previous);
            long position = next.getIndex();
            if (before != null && next.getIndex() <= before.getIndex()) {
                position = before.getGaps().stream().filter(gap -> !next.getGaps().contains(gap)).findFirst()
                        .orElse(position);
            }
            previousPosition = position;
            return position;
        }

        private static GapAwareTrackingToken gapAware(TrackingToken token) {
            return token == null ? null : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // wait on
            }
            return buffer.poll();
        }

        @Override
        public void close() {
            tails.remove(this);
            buffer.clear();
        }
    }
}
