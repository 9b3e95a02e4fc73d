package org.charterledger.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.ViewJdbc;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Keeps {@code projection.register_party} and {@code register_period}: every party, and the periods in which it
 * held each category, with the positions of the events that opened and closed them.
 */
@Component
@ProcessingGroup(RegisterProjection.GROUP)
class RegisterProjection {

    static final String GROUP = "register";
    private final ViewJdbc jdbc;

    RegisterProjection(ViewJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An admission opens a period in its category and closes the period before it (an observer admitted). */
    @EventHandler
    void on(MemberAdmitted e, TrackedEventMessage<MemberAdmitted> message) {
        long position = LedgerPosition.of(message);
        jdbc.sql("""
                        INSERT INTO projection.register_party (id, country, name, local_name)
                        VALUES (:id, :country, :name, :localName)
                        ON CONFLICT DO NOTHING""")
                .param("id", e.member().value())
                .param("country", e.country().value())
                .param("name", e.name())
                .param("localName", e.localName())
                .update();
        closeOpenPeriod(e.member().value(), e.admittedOn(), position);
        jdbc.sql("""
                        INSERT INTO projection.register_period
                            (party_id, category, from_date, basis, from_position)
                        VALUES (:id, :category, :from, :basis, :position)
                        ON CONFLICT DO NOTHING""")
                .param("id", e.member().value())
                .param("category", e.category().name())
                .param("from", e.admittedOn())
                .param("basis", e.basis().name())
                .param("position", position)
                .update();
    }

    @EventHandler
    void on(MemberWithdrew e, TrackedEventMessage<MemberWithdrew> message) {
        closeOpenPeriod(e.member().value(), e.withdrewOn(), LedgerPosition.of(message));
    }

    @EventHandler
    void on(MemberExpelled e, TrackedEventMessage<MemberExpelled> message) {
        closeOpenPeriod(e.member().value(), e.expelledOn(), LedgerPosition.of(message));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection.register_period").update();
        jdbc.sql("DELETE FROM projection.register_party").update();
    }

    private void closeOpenPeriod(String party, LocalDate on, long position) {
        jdbc.sql("""
                        UPDATE projection.register_period SET until_date = :on, until_position = :position
                        WHERE party_id = :id AND until_date IS NULL""")
                .param("on", on).param("position", position).param("id", party)
                .update();
    }
}
