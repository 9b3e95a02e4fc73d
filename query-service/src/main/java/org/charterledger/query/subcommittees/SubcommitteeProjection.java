package org.charterledger.query.subcommittees;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.ViewJdbc;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Keeps {@code projection.subcommittee}, {@code coordinator_term} and {@code subcommittee_activity}. */
@Component
@ProcessingGroup(SubcommitteeProjection.GROUP)
class SubcommitteeProjection {

    static final String GROUP = "subcommittees";
    private final ViewJdbc jdbc;

    SubcommitteeProjection(ViewJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubcommitteeEstablished e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.subcommittee (number, name, field, founded, decided_by, position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.number(), e.name(), e.field(), e.founded(), decision(e.decidedBy(), e.reference()),
                        LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(SubcommitteeAbolished e, TrackedEventMessage<?> message) {
        jdbc.sql("UPDATE projection.subcommittee SET abolished_on = ? WHERE number = ?")
                .params(e.abolishedOn(), e.number()).update();
        closeTerms(e.number(), null, e.abolishedOn(), LedgerPosition.of(message));
    }

    /** A new appointment ends the coordination before it; a renewal continues each coordinator's. */
    @EventHandler
    void on(CoordinatorAppointed e, TrackedEventMessage<?> message) {
        if (!e.renewal()) {
            closeTerms(e.number(), null, e.termStart(), LedgerPosition.of(message));
        }
        for (MemberId coordinator : e.coordinators()) {
            LocalDate since = e.renewal() ? jdbc.sql("""
                            SELECT coordinating_since FROM projection.coordinator_term
                            WHERE number = ? AND coordinator = ? AND until_date IS NULL""")
                    .params(e.number(), coordinator.value()).query(LocalDate.class).optional()
                    .orElse(e.termStart()) : e.termStart();
            if (e.renewal()) {
                closeTerms(e.number(), coordinator, e.termStart(), LedgerPosition.of(message));
            }
            jdbc.sql("""
                            INSERT INTO projection.coordinator_term (number, coordinator, from_date, term_end,
                                coordinating_since, renewal, decided_by, position)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(e.number(), coordinator.value(), e.termStart(), e.termEnd(), since, e.renewal(),
                            decision(e.decidedBy(), e.reference()), LedgerPosition.of(message))
                    .update();
        }
    }

    /** The motion that decided an act, or the words an earlier record gave for its decision. */
    private static String decision(MotionId motion, String reference) {
        return motion != null ? motion.value() : reference;
    }

    @EventHandler
    void on(CoordinatorReplaced e, TrackedEventMessage<?> message) {
        closeTerms(e.number(), e.outgoing(), e.from(), LedgerPosition.of(message));
        jdbc.sql("""
                        INSERT INTO projection.coordinator_term (number, coordinator, from_date, term_end,
                            coordinating_since, renewal, decided_by, position)
                        VALUES (?, ?, ?, ?, ?, FALSE, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.number(), e.incoming().value(), e.from(), e.termEnd(), e.from(), e.decidedBy().value(),
                        LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(SubcommitteeActivityRecorded e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.subcommittee_activity (number, ordinal, first_day, last_day, host, form,
                                                                      position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.number(), e.ordinal(), e.firstDay(), e.lastDay(), e.host() == null ? null : e.host().value(),
                        e.form(), LedgerPosition.of(message))
                .update();
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"subcommittee_activity", "coordinator_term", "subcommittee"}) {
            jdbc.sql("DELETE FROM projection." + table).update();
        }
    }

    /** Ends the open terms of one coordinator, or of all when {@code coordinator} is null. */
    private void closeTerms(int number, MemberId coordinator, LocalDate on, long position) {
        jdbc.sql("""
                        UPDATE projection.coordinator_term SET until_date = ?, until_position = ?
                        WHERE number = ? AND until_date IS NULL AND (CAST(? AS VARCHAR(64)) IS NULL OR coordinator = ?)""")
                .params(on, position, number, coordinator == null ? null : coordinator.value(),
                        coordinator == null ? null : coordinator.value())
                .update();
    }
}
