package org.charterledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.query.config.InvalidParameter;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.LedgerSettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger as server-sent events, in position order, for a consumer that follows changes instead of polling
 * {@code /api/audit/events}. Each event's SSE id is its ledger position, so a follower that reconnects with
 * {@code Last-Event-ID} (as a browser's EventSource does by itself) resumes after the last event it received and sees
 * every event once. An event is delivered only once every view has settled its position: no event committed later can
 * land below it, so a follower never has to look back. A quiet stream carries a heartbeat comment. When the service
 * stops, every stream is ended first, so that the server's graceful shutdown does not wait for followers to leave
 * (they reconnect elsewhere with their Last-Event-ID).
 */
@RestController
@Tag(name = "Audit", description = "The record, tamper evidence, and decisions re-derived from their events")
class ChangeFeed implements SmartLifecycle {

    /** Events one follower is sent per round at most; the next round sends on. */
    private static final int ROUND = 500;

    private final AuditController record;
    private final LedgerPosition position;
    private final Duration heartbeat;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    ChangeFeed(AuditController record, LedgerPosition position, LedgerSettings settings) {
        this.record = record;
        this.position = position;
        this.heartbeat = settings.feed().heartbeat();
    }

    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamEvents",
            summary = "Follow the ledger: every settled event, in position order, as server-sent events",
            description = "Each event's id is its ledger position and its name its type; its data is the event as"
                    + " /api/audit/events shows it. Resume with the Last-Event-ID header (or ?after=). Optionally of"
                    + " one kind of aggregate (aggregateType: Member, Motion, Meeting, ...). A comment line is sent as"
                    + " a heartbeat when the ledger is quiet.")
    SseEmitter stream(@Parameter(description = "the position of the last event received; events after it follow")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) Long after,
                      @RequestParam(required = false) String aggregateType) throws IOException {
        long from = lastEventId != null ? position(lastEventId) : after != null ? after : 0;
        if (from < 0) {
            throw new InvalidParameter(lastEventId != null ? "Last-Event-ID" : "after",
                    "must be a ledger position, 0 or more");
        }
        SseEmitter emitter = new SseEmitter(-1L); // no timeout: a follower stays until it leaves
        Follower follower = new Follower(emitter, from, aggregateType);
        emitter.onCompletion(() -> followers.remove(follower));
        emitter.onTimeout(() -> followers.remove(follower));
        emitter.onError(failure -> followers.remove(follower));
        emitter.send(SseEmitter.event().comment("following after position " + from));
        followers.add(follower);
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream; runs before the web server's graceful shutdown (a later phase stops first). */
    @Override
    public void stop() {
        running = false;
        followers.forEach(follower -> follower.emitter.complete());
        followers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static long position(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter("Last-Event-ID", "must be a ledger position: a whole number, 0 or more");
        }
    }

    /** Sends each follower what has settled since its cursor, or a heartbeat when it has heard nothing for a while. */
    @Scheduled(fixedDelayString = "${ledger.feed.check-interval:200}")
    void deliver() {
        if (followers.isEmpty()) {
            return;
        }
        long settled = position.settled();
        for (Follower follower : followers) {
            try {
                follower.catchUp(settled);
            } catch (IOException | RuntimeException gone) {
                followers.remove(follower);
                follower.emitter.completeWithError(gone);
            }
        }
    }

    private final class Follower {

        private final SseEmitter emitter;
        private final String aggregateType;
        private long cursor;
        private long lastSent = System.nanoTime();

        private Follower(SseEmitter emitter, long cursor, String aggregateType) {
            this.emitter = emitter;
            this.cursor = cursor;
            this.aggregateType = aggregateType;
        }

        private void catchUp(long settled) throws IOException {
            if (cursor < settled) {
                AuditController.Page page = record.page(cursor, settled, ROUND, null, aggregateType, null, null, null);
                for (AuditController.RecordedEvent event : page.events()) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type())
                            .data(event, MediaType.APPLICATION_JSON));
                    cursor = event.position();
                    lastSent = System.nanoTime();
                }
                if (page.next() == null) {
                    cursor = Math.max(cursor, page.settledUpTo()); // nothing else of this kind up to there
                }
            }
            if (System.nanoTime() - lastSent >= heartbeat.toNanos()) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                lastSent = System.nanoTime();
            }
        }
    }
}
