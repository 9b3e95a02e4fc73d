package org.charterledger.query.offices;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.ActingChairDesignated;
import org.charterledger.events.ActingChairEnded;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.AuditorElected;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.SecretaryGeneralAppointed;
import org.charterledger.events.SecretaryGeneralLeftOffice;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.ViewJdbc;
import org.springframework.stereotype.Component;

/** Keeps the offices: {@code projection.chair_term}, {@code acting_chair}, {@code secretary_general}, {@code auditor}. */
@Component
@ProcessingGroup(OfficesProjection.GROUP)
class OfficesProjection {

    static final String GROUP = "offices";
    private final ViewJdbc jdbc;

    OfficesProjection(ViewJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChairTermBegan e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.chair_term (ordinal, holder, from_date, elected_by, electing_meeting,
                                                           from_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.ordinal(), e.holder().value(), e.from(), e.electedBy() == null ? null : e.electedBy().value(),
                        e.electingMeeting() == null ? null : e.electingMeeting().value(), LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(ChairTermEnded e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.chair_term SET until_date = ?, hosted_meeting = ?, until_position = ?
                        WHERE ordinal = ?""")
                .params(e.until(), e.hostedMeeting().value(), LedgerPosition.of(message), e.ordinal())
                .update();
    }

    @EventHandler
    void on(ActingChairDesignated e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.acting_chair (ordinal, from_date, deputy, reason, from_position)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.ordinal(), e.from(), e.deputy(), e.reason(), LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(ActingChairEnded e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.acting_chair SET until_date = ?, until_position = ?
                        WHERE ordinal = ? AND until_date IS NULL""")
                .params(e.on(), LedgerPosition.of(message), e.ordinal())
                .update();
    }

    @EventHandler
    void on(SecretaryGeneralAppointed e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.secretary_general (from_date, name, proposed_by, appointed_by, from_position)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.from(), e.name(), e.proposedBy() == null ? null : e.proposedBy().value(),
                        e.appointedBy() == null ? null : e.appointedBy().value(), LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(SecretaryGeneralLeftOffice e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.secretary_general SET until_date = ?, until_position = ?
                        WHERE until_date IS NULL""")
                .params(e.on(), LedgerPosition.of(message)).update();
    }

    @EventHandler
    void on(AuditorElected e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.auditor (term, country, auditor, from_date, decided_by, position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.term(), e.country().value(), e.auditor().value(), e.from(), e.decidedBy().value(),
                        LedgerPosition.of(message))
                .update();
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"auditor", "secretary_general", "acting_chair", "chair_term"}) {
            jdbc.sql("DELETE FROM projection." + table).update();
        }
    }
}
