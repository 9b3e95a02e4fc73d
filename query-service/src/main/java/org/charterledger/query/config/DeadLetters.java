package org.charterledger.query.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * No stored event can stop a view for ever. Every view's processor has Axon's sequenced dead-letter queue (JDBC,
 * {@code projection.dead_letter_entry}): an event its handler cannot process is parked, with the later events of the
 * same aggregate, and the rest of the ledger flows on. Parked letters are counted ({@code ledger.dead.letters}),
 * shown in health and at {@code /api/audit/dead-letters}, and retried there once the cause is fixed.
 * <p>
 * On PostgreSQL a failed statement aborts its whole transaction, and a view handles a batch of events in one: the
 * letter could not even be written. So the first failure in a view rolls its batch back, as before, and arms
 * savepoints for that view: the batch is retried with each handler call in a savepoint of its own, the failing call alone is rolled
 * back and parked, and the batch commits. A view's writes are sent when its batch commits ({@link ViewJdbc}), so a
 * statement that fails there rolls the batch back and arms the savepoints just the same; in a savepoint, an event's
 * writes are sent within it. The savepoints are dropped again after that batch, so that the usual path
 * costs no extra round trip.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The views whose next batch runs each handler call in a savepoint. */
    private final Set<Class<?>> careful = ConcurrentHashMap.newKeySet();
    /** Set while parked letters are retried on this thread: every handler call in a savepoint. */
    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    /**
     * Runs a retry of parked letters with every handler call in a savepoint, so that a letter that fails again is
     * put back in the queue within the same transaction.
     */
    public static <T> T retrying(Supplier<T> retry) {
        RETRYING.set(true);
        try {
            return retry.get();
        } finally {
            RETRYING.remove();
        }
    }

    /** The table of {@code V10__dead_letters.sql}. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("projection.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** Wraps every view's event handlers so that, while armed, each call runs in a savepoint. */
    @Bean
    HandlerEnhancerDefinition savepointsWhenArmed(PlatformTransactionManager transactions) {
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                return new InSavepoint<>(original, transactions);
            }
        };
    }

    @Bean
    HealthIndicator deadLettersHealth(JdbcClient jdbc) {
        return () -> Health.up().withDetails(Map.of("parked", parked(jdbc),
                        "see", "/api/audit/dead-letters"))
                .build();
    }

    @Bean
    MeterBinder deadLettersGauge(JdbcClient jdbc) {
        return meters -> Gauge.builder("ledger.dead.letters", jdbc, j -> {
                    try {
                        return parked(j);
                    } catch (RuntimeException unavailable) {
                        return Double.NaN;
                    }
                })
                .description("Events parked because a view could not process them; retry at /api/audit/dead-letters")
                .baseUnit("events")
                .register(meters);
    }

    static long parked(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM projection.dead_letter_entry").query(Long.class).single();
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final PlatformTransactionManager transactions;
        private final Class<?> view;

        private InSavepoint(MessageHandlingMember<T> delegate, PlatformTransactionManager transactions) {
            super(delegate);
            this.transactions = transactions;
            this.view = delegate.declaringClass();
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted()) {
                return super.handle(message, target);
            }
            if (!careful.contains(view) && !RETRYING.get()) {
                // the view's writes are sent when the batch commits (ViewJdbc): a failure then rolls it back too
                UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
                batch.getOrComputeResource(ARMS_ON_ROLLBACK, key -> {
                    batch.onRollback(u -> careful.add(view));
                    return Boolean.TRUE;
                });
                int mark = ViewJdbc.pendingMark();
                try {
                    return super.handle(message, target);
                } catch (Exception | Error failure) {
                    ViewJdbc.discardPendingFrom(mark); // the event is parked: none of its writes stay
                    careful.add(view);
                    log.warn("{} failed on {} {}; its batch is retried with a savepoint per event, and what fails "
                                    + "again is parked", view.getSimpleName(), message.getPayloadType().getSimpleName(),
                            message.getIdentifier(), failure);
                    throw failure;
                }
            }
            CurrentUnitOfWork.get().root().afterCommit(uow -> careful.remove(view));
            TransactionStatus savepoint = transactions.getTransaction(NESTED);
            try {
                Object result = super.handle(message, target);
                ViewJdbc.flushPending();
                transactions.commit(savepoint);
                return result;
            } catch (Exception | Error failure) {
                ViewJdbc.discardPendingFrom(0); // each event's writes were sent in the savepoint before it
                transactions.rollback(savepoint);
                throw failure;
            }
        }
    }

    private static final String ARMS_ON_ROLLBACK = DeadLetters.class.getName() + ".armsOnRollback";

    private static final TransactionDefinition NESTED = new TransactionDefinition() {
        @Override
        public int getPropagationBehavior() {
            return PROPAGATION_NESTED;
        }
    };
}
