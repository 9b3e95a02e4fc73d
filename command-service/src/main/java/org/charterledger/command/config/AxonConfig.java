package org.charterledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.MultiCorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.charterledger.events.EventJson;
import org.charterledger.events.LedgerUpcasters;
import org.charterledger.web.EventTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The event store: Axon's JDBC engine (auto-configured from the beans below) on the tables that the
 * {@code db/ledger} migrations create in the {@code ledger} schema.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Metadata keys every event carries: who asked for it and the client's request id. */
    public static final String PRINCIPAL = "principal";
    public static final String REQUEST_ID = "requestId";

    /** The bean name of the cache every aggregate is kept in between commands. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /** PostgreSQL's (and H2's) SQLState for a unique-constraint violation. */
    static final String UNIQUE_VIOLATION = "23505";

    /** The table and column names of {@code V1__event_store.sql}. */
    @Bean
    EventSchema eventSchema() {
        return EventTable.schema();
    }

    /**
     * Two appends of the same (aggregate, sequence number) collide on the unique index; PostgreSQL reports SQLState
     * 23505 in a driver exception that Axon's default resolver does not recognise. Recognising it makes the engine
     * raise a {@code ConcurrencyException}, which {@link IdempotentCommands} retries.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return AxonConfig::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Aggregates stay in memory between commands, so that a command costs what its own events cost, not a replay of
     * a stream that grows with the years. The cache holds only what has committed ({@link CommittedAggregates}); a
     * copy gone stale because another instance appended meets the unique index, rolls back, is dropped by Axon and is
     * read afresh on the retry. Ten thousand records: NEAR's parties, meetings, offices and years of motions.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache() {
        return new CommittedAggregates(10_000);
    }

    /** Reads events stored at an older revision as their current one ({@link LedgerUpcasters}). */
    @Bean
    EventUpcaster ledgerUpcasters() {
        return LedgerUpcasters.chain();
    }

    /** The mapper of the serializer (Axon picks this bean by name) and of the HTTP API. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventJson.mapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    @Bean
    CorrelationDataProvider correlationData() {
        return new MultiCorrelationDataProvider<>(List.of(
                new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(PRINCIPAL, REQUEST_ID)));
    }

    /** Business "today", in the time zone of the Association's Secretariat. */
    @Bean
    Clock clock(LedgerSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
