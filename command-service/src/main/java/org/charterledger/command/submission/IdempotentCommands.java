package org.charterledger.command.submission;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.charterledger.command.Rejection;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * The one way a command reaches the ledger. In a single database transaction it claims the client's idempotency
 * key, runs the command (Axon joins the transaction, so the events are appended in it) and records the ledger
 * position of the last event: the key and the events commit together or not at all. A repeated key with the same
 * command returns the first receipt and appends nothing; with another command it is refused. A collision with a
 * concurrent append to the same stream rolls the transaction back and is retried with back-off.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(IdempotentCommands.class);

    /** What a command left in the ledger: the record it created or changed, and the position of its last event. */
    public record Receipt(String id, long position, @JsonIgnore boolean replayed) {
    }

    /**
     * A command for the aggregate {@code aggregateId}; the receipt names {@code resourceId} (the aggregate itself,
     * or a record inside it such as a payment). {@code request} is what the client asked for, and what a retry is
     * compared with: the command itself, unless the ledger added facts to it that may have changed since (a
     * motion's voter roll, a meeting's attendance).
     */
    public record Submission(String aggregateId, String resourceId, Object request, Object command) {

        public static Submission of(String aggregateId, Object command) {
            return new Submission(aggregateId, aggregateId, command, command);
        }
    }

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;
    private final LedgerNotifications notifications;
    /**
     * Commands for one record queue here, each holding its record's stripe for its transaction, rather than collide
     * on the unique index and back off: 78 delegates voting at once on one motion wait their turn instead of retrying.
     * Another instance's commands still meet the index.
     */
    private final Lock[] stripes = IntStream.range(0, 256).mapToObj(i -> new ReentrantLock(true)).toArray(Lock[]::new);
    private final StreamOwners streams;
    private final ObjectMapper canonicalJson = EventJson.mapper().copy()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    IdempotentCommands(CommandGateway gateway, TransactionTemplate transaction, JdbcClient jdbc,
                       MeterRegistry meters, Clock clock, LedgerNotifications notifications, StreamOwners streams) {
        this.notifications = notifications;
        this.gateway = gateway;
        this.streams = streams;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /** Submits a command on behalf of the authenticated principal. */
    public Receipt submit(String idempotencyKey, Submission submission) {
        return submit(currentPrincipal(), idempotencyKey, submission);
    }

    /**
     * An id for a record the request creates, the same for every retry of it: derived from the principal and the
     * idempotency key, so that a retried request carries the same command.
     */
    public String idFor(String idempotencyKey) {
        checkKey(idempotencyKey);
        return UUID.nameUUIDFromBytes((currentPrincipal() + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Submits a command on behalf of {@code principal}, such as an import run by the ledger itself. */
    public Receipt submit(String principal, String idempotencyKey, Submission submission) {
        checkKey(idempotencyKey);
        String type = submission.command().getClass().getSimpleName();
        String fingerprint = fingerprint(submission.request());
        Timer.Sample started = Timer.start(meters);
        RuntimeException lastCollision = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Lock stream = stripes[Math.floorMod(submission.aggregateId().hashCode(), stripes.length)];
            stream.lock();
            try {
                Receipt receipt = transaction.execute(status ->
                        submitOnce(principal, idempotencyKey, submission, type, fingerprint));
                String outcome = receipt.replayed() ? "replayed" : "accepted";
                record(started, type, outcome);
                log.atInfo().setMessage("{} {}: {} at position {}").addArgument(type).addArgument(outcome)
                        .addArgument(receipt.id()).addArgument(receipt.position())
                        .addKeyValue("command", type).addKeyValue("outcome", outcome)
                        .addKeyValue("record", receipt.id()).addKeyValue("position", receipt.position())
                        .addKeyValue("principal", principal).addKeyValue("idempotencyKey", idempotencyKey).log();
                return receipt;
            } catch (ConcurrencyException | AggregateStreamCreationException | DuplicateKeyException collision) {
                lastCollision = collision;
                log.debug("{} collided with a concurrent append (attempt {}), retrying", type, attempt, collision);
            } catch (Rejection rejection) {
                refused(started, type, submission, principal, rejection.type(), rejection.rule(), rejection.article());
                throw rejection;
            } catch (AggregateNotFoundException unknown) {
                refused(started, type, submission, principal, "unknown-record", null, null);
                throw new UnknownRecord(submission.aggregateId());
            } catch (InvalidInput invalid) {
                refused(started, type, submission, principal, "invalid-input", invalid.rule(), null);
                throw invalid;
            } catch (RuntimeException failed) {
                // the database away, or a bug: answered 503 or 500 with nothing appended (the cause is logged there)
                record(started, type, "failed");
                log.atWarn().setMessage("{} failed: {} on {}").addArgument(type).addArgument(failed.toString())
                        .addArgument(submission.aggregateId())
                        .addKeyValue("command", type).addKeyValue("outcome", "failed")
                        .addKeyValue("record", submission.aggregateId()).addKeyValue("principal", principal).log();
                throw failed;
            } finally {
                stream.unlock();
            }
            backOff(attempt);
        }
        record(started, type, "busy");
        log.atWarn().setMessage("{} busy: {} still collided with concurrent appends after {} attempts")
                .addArgument(type).addArgument(submission.aggregateId()).addArgument(MAX_ATTEMPTS)
                .addKeyValue("command", type).addKeyValue("outcome", "busy")
                .addKeyValue("record", submission.aggregateId()).addKeyValue("principal", principal).log();
        throw new LedgerBusy(lastCollision);
    }

    /** A command refused: its one log line names the refusal and the rule (a client's mistake, so not a warning). */
    private void refused(Timer.Sample started, String type, Submission submission, String principal, String refusal,
                         String rule, String article) {
        record(started, type, "rejected");
        log.atInfo().setMessage("{} rejected: {} on {} (rule {}{})").addArgument(type).addArgument(refusal)
                .addArgument(submission.aggregateId()).addArgument(rule)
                .addArgument(article == null ? "" : ", " + article)
                .addKeyValue("command", type).addKeyValue("outcome", "rejected")
                .addKeyValue("record", submission.aggregateId()).addKeyValue("refusal", refusal)
                .addKeyValue("rule", rule).addKeyValue("article", article)
                .addKeyValue("principal", principal).log();
    }

    private Receipt submitOnce(String principal, String key, Submission submission, String type,
                               String fingerprint) {
        // Claiming the key makes a concurrent twin wait on the primary key until this transaction ends, then claim
        // nothing and find this receipt (or claim the key itself if this transaction rolled back).
        int claimed = jdbc.sql("""
                        INSERT INTO ledger.command_request
                            (principal, idempotency_key, command_type, request_hash, resource_id, recorded_at)
                        VALUES (:principal, :key, :type, :hash, :resource, :now)
                        ON CONFLICT DO NOTHING""")
                .param("principal", principal).param("key", key).param("type", type).param("hash", fingerprint)
                .param("resource", submission.resourceId()).param("now", OffsetDateTime.now(clock))
                .update();
        if (claimed == 0) {
            return jdbc.sql("""
                            SELECT request_hash, resource_id, position FROM ledger.command_request
                            WHERE principal = :principal AND idempotency_key = :key""")
                    .param("principal", principal).param("key", key)
                    .query((rs, i) -> {
                        if (!fingerprint.equals(rs.getString("request_hash"))) {
                            throw new IdempotencyKeyReused(key);
                        }
                        return new Receipt(rs.getString("resource_id"), rs.getLong("position"), true);
                    })
                    .single();
        }

        streams.check(submission.aggregateId(), submission.command());
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(submission.command())
                .andMetaData(MetaData.with(AxonConfig.PRINCIPAL, principal).and(AxonConfig.REQUEST_ID, key)));

        // The newest event this transaction sees is this command's last one (or a later one already committed):
        // a query that waits for this position sees the command and every effect it had on other records.
        long position = notifications.recordPosition(principal, key);
        return new Receipt(submission.resourceId(), position, false);
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidIdempotencyKey();
        }
    }

    /** The same request gives the same fingerprint, whatever the order or spacing of the JSON it came in. */
    private String fingerprint(Object request) {
        try {
            byte[] canonical = (request.getClass().getName() + ':' + canonicalJson.writeValueAsString(request))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + request.getClass().getSimpleName(), e);
        }
    }

    private static String currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("commands need an authenticated principal");
        }
        return authentication.getName();
    }

    /**
     * Times a command from its submission to its answer, retries included, by type and outcome: the count gives
     * commands per second, the histogram (application.yml) the percentiles, queryable across instances.
     */
    private void record(Timer.Sample started, String type, String outcome) {
        started.stop(Timer.builder("ledger.commands")
                .description("Commands submitted, from submission to answer, by type and outcome")
                .tags("type", type, "outcome", outcome)
                .register(meters));
    }

    private static void backOff(int attempt) {
        long millis = (5L << attempt) + ThreadLocalRandom.current().nextLong(10);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }
}
