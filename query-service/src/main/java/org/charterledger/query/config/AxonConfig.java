package org.charterledger.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.charterledger.events.EventJson;
import org.charterledger.events.LedgerUpcasters;
import org.charterledger.web.EventTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.time.Clock;

/**
 * Reads the event table the command service owns (schema {@code ledger}, never written here) and keeps its own
 * tokens in the {@code projection} schema, beside the views, so that a view and its token commit together.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The event table of the command service's {@code V1__event_store.sql}. */
    @Bean
    EventSchema eventSchema() {
        return EventTable.schema();
    }

    /** The token table of {@code V1__token_store.sql}. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("projection.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
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

    /** Business "today", in the time zone of the Association's Secretariat. */
    @Bean
    Clock clock(LedgerSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
