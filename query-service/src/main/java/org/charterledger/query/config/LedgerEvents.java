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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * <p>
 * The views' streams share their reads. After a commit every stream reads from the same token, and in a replay they
 * read the same thousand events from the same tokens one after another: the first stream to read from a token keeps
 * what it read ({@link SharedReads}), and the others take it from there, events already deserialized, instead of
 * reading and deserializing the table once per view.
 */
@Component
public class LedgerEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Events one read of the table takes at most. */
    private static final int READ_AHEAD = 1_000;

    private final EventStorageEngine storage;
    private final long pollNanos;
    private final Object signal = new Object();
    private final Set<Tail> tails = ConcurrentHashMap.newKeySet();
    private final SharedReads reads = new SharedReads();
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
            long since = lastRead;
            lastRead = System.nanoTime();
            Read read = reads.from(previous, seenWakes, since, () -> readTable(previous, previousPosition));
            buffer.addAll(read.events());
            if (!read.events().isEmpty()) {
                previous = read.last();
                previousPosition = read.lastPosition();
            }
            // a full read means more events wait in the table (a replay, a view catching up): read on at once
            behind = read.events().size() >= READ_AHEAD;
        }

        /** Up to {@link #READ_AHEAD} events after {@code start}, each with its own position in its metadata. */
        private Read readTable(TrackingToken start, long startPosition) {
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            Positions positions = new Positions(start, startPosition);
            try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(start, false)) {
                stored.limit(READ_AHEAD).forEach(event -> events.add((TrackedEventMessage<?>) event.andMetaData(
                        Map.of(LedgerPosition.METADATA_KEY, positions.of(event)))));
            }
            return new Read(events, positions.previous, positions.previousPosition);
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

    /**
     * Each event's own position, read from how it moved the token: to its own index, or, for an event that committed
     * late, by filling the gap at its index (the token's index then stays where it was).
     */
    private static final class Positions {

        private TrackingToken previous;
        private long previousPosition;

        private Positions(TrackingToken start, long startPosition) {
            this.previous = start;
            this.previousPosition = startPosition;
        }

        private long of(TrackedEventMessage<?> event) {
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
            previous = event.trackingToken();
            previousPosition = position;
            return position;
        }

        private static GapAwareTrackingToken gapAware(TrackingToken token) {
            return token == null ? null : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        }
    }

    /** What one read of the table gave: its events, the token and position of the last. */
    private record Read(List<TrackedEventMessage<?>> events, TrackingToken last, long lastPosition) {
    }

    /**
     * The last reads of the table, by the token they started from, kept a few seconds; a handful are kept, so a view
     * that falls far behind the others reads for itself. A full read (a replay) serves every stream that comes to its
     * token: that stream reads on at once anyway. A read that reached the end of the table serves only a stream for
     * which it is news: begun after the last notification that stream has seen and after that stream's own last read,
     * or the stream could take an end of the table from before a commit for the end now.
     */
    private final class SharedReads {

        private static final int KEPT = 16;
        private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

        private record Kept(TrackingToken start, long wakes, long at, CompletableFuture<Read> read) {

            /**
             * Whether it is known to be a full read. One still under way may reach the end of the table, and may have
             * begun before a commit the asking stream was woken for: it is shared only as news (below).
             */
            private boolean full() {
                return read.isDone() && !read.isCompletedExceptionally() && read.join().events().size() >= READ_AHEAD;
            }
        }

        private final ArrayDeque<Kept> kept = new ArrayDeque<>();

        private Read from(TrackingToken start, long wakesSeen, long since, Supplier<Read> readTable) {
            CompletableFuture<Read> mine = new CompletableFuture<>();
            CompletableFuture<Read> shared = null;
            synchronized (kept) {
                long now = System.nanoTime();
                kept.removeIf(k -> now - k.at() > FRESH_NANOS);
                for (Kept k : kept) {
                    boolean news = k.wakes() >= wakesSeen && k.at() - since >= 0;
                    if (Objects.equals(k.start(), start) && (k.full() || news)) {
                        shared = k.read();
                        break;
                    }
                }
                if (shared == null) {
                    kept.addLast(new Kept(start, wakes(), now, mine));
                    while (kept.size() > KEPT) {
                        kept.removeFirst();
                    }
                }
            }
            if (shared != null) {
                try {
                    return shared.join();
                } catch (CompletionException failed) {
                    return readTable.get(); // the stream that read failed; read for this one
                }
            }
            try {
                Read read = readTable.get();
                mine.complete(read);
                return read;
            } catch (RuntimeException | Error failure) {
                synchronized (kept) {
                    kept.removeIf(k -> k.read() == mine);
                }
                mine.completeExceptionally(failure);
                throw failure;
            }
        }
    }
}
