package org.charterledger.query.offices;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.ActingChairDesignated;
import org.charterledger.events.ActingChairEnded;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code projection.chair_term} and {@code acting_chair}. */
@Component
@ProcessingGroup(ChairProjection.GROUP)
class ChairProjection {

    static final String GROUP = "offices";
    private final JdbcClient jdbc;

    ChairProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChairTermBegan e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.chair_term (ordinal, holder, from_date, elected_by, electing_meeting,
                                                           from_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.ordinal(), e.holder().value(), e.from(), e.electedBy() == null ? null : e.electedBy().value(),
                        e.electingMeeting() == null ? null : e.electingMeeting().value(), position(message))
                .update();
    }

    @EventHandler
    void on(ChairTermEnded e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.chair_term SET until_date = ?, hosted_meeting = ?, until_position = ?
                        WHERE ordinal = ?""")
                .params(e.until(), e.hostedMeeting().value(), position(message), e.ordinal())
                .update();
    }

    @EventHandler
    void on(ActingChairDesignated e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.acting_chair (ordinal, from_date, deputy, reason, from_position)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.ordinal(), e.from(), e.deputy(), e.reason(), position(message))
                .update();
    }

    @EventHandler
    void on(ActingChairEnded e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.acting_chair SET until_date = ?, until_position = ?
                        WHERE ordinal = ? AND until_date IS NULL""")
                .params(e.on(), position(message), e.ordinal())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection.acting_chair").update();
        jdbc.sql("DELETE FROM projection.chair_term").update();
    }

    private static long position(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElseThrow();
    }
}
