package org.charterledger.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL reports a second append of the same (aggregate, sequence number) as SQLState 23505; the engine must
 * turn it into Axon's concurrency exceptions, which the command path retries.
 */
@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class EventStoreIT {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    TransactionManager transactions;

    @Test
    void aDuplicateSequenceNumberIsAConcurrencyException() {
        String aggregate = "KR-STORE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        append(event(aggregate, 0));
        append(event(aggregate, 1));

        assertThatThrownBy(() -> append(event(aggregate, 1))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(event(aggregate, 0))).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents(aggregate).asStream().count()).isEqualTo(2);
    }

    @Test
    void recognisesTheUniqueViolationAnywhereInTheCauseChain() {
        var unique = new SQLException("duplicate key", "23505");
        var otherState = new SQLException("deadlock", "40P01");

        assertThat(AxonConfig.isUniqueViolation(new RuntimeException(new RuntimeException(unique)))).isTrue();
        assertThat(AxonConfig.isUniqueViolation(new RuntimeException(otherState))).isFalse();
    }

    private void append(DomainEventMessage<?> event) {
        transactions.executeInTransaction(() -> engine.appendEvents(event));
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Member", aggregate, sequence,
                new MemberAdmitted(new MemberId(aggregate), CountryCode.of("KR"), "Store test", null,
                        PartyCategory.MEMBER, LocalDate.of(2021, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
    }
}
