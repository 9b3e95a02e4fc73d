package org.charterledger.query.rights;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.ViewJdbc;
import org.springframework.stereotype.Component;

/** Keeps {@code projection.dues_payment} and {@code dues_rate}: the dues facts, with their event positions. */
@Component
@ProcessingGroup(DuesProjection.GROUP)
class DuesProjection {

    static final String GROUP = "dues";
    private final ViewJdbc jdbc;

    DuesProjection(ViewJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DuesPaid e, TrackedEventMessage<DuesPaid> message) {
        jdbc.sql("""
                        INSERT INTO projection.dues_payment
                            (payment_id, member_id, fiscal_year, paid_amount, paid_currency, credited_amount,
                             credited_currency, paid_on, reference, paid_position)
                        VALUES (:payment, :member, :year, :paid, :paidCurrency, :credited, :creditedCurrency,
                                :paidOn, :reference, :position)
                        ON CONFLICT DO NOTHING""")
                .param("payment", e.payment().value())
                .param("member", e.member().value())
                .param("year", e.year().value())
                .param("paid", e.paid().amount())
                .param("paidCurrency", e.paid().currency().getCurrencyCode())
                .param("credited", e.credited().amount())
                .param("creditedCurrency", e.credited().currency().getCurrencyCode())
                .param("paidOn", e.paidOn())
                .param("reference", e.reference())
                .param("position", LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(DuesPaymentReversed e, TrackedEventMessage<DuesPaymentReversed> message) {
        jdbc.sql("""
                        UPDATE projection.dues_payment
                        SET reversed_on = :on, reversal_reason = :reason, reversed_position = :position
                        WHERE payment_id = :payment""")
                .param("on", e.reversedOn())
                .param("reason", e.reason())
                .param("position", LedgerPosition.of(message))
                .param("payment", e.payment().value())
                .update();
    }

    @EventHandler
    void on(DuesRateChanged e, TrackedEventMessage<DuesRateChanged> message) {
        jdbc.sql("DELETE FROM projection.dues_rate WHERE from_year = ?").params(e.fromYear().value()).update();
        jdbc.sql("""
                        INSERT INTO projection.dues_rate (from_year, amount, currency, decided_by, position)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(e.fromYear().value(), e.amount().amount(), e.amount().currency().getCurrencyCode(),
                        e.decidedBy().value(), LedgerPosition.of(message))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection.dues_payment").update();
        jdbc.sql("DELETE FROM projection.dues_rate").update();
    }
}
