package org.charterledger.command.membership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.MemberId;
import org.charterledger.events.PaymentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which member a payment belongs to, so that a reversal can be addressed by the payment's id alone. A subscribing
 * processor: the row is written in the transaction that appends the payment.
 */
@Component
@ProcessingGroup(PaymentIndex.GROUP)
class PaymentIndex {

    static final String GROUP = "payment-index";
    private final JdbcClient jdbc;

    PaymentIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DuesPaid e) {
        jdbc.sql("INSERT INTO ledger.dues_payment_index (payment_id, member_id) VALUES (?, ?)")
                .params(e.payment().value(), e.member().value())
                .update();
    }

    Optional<MemberId> memberOf(PaymentId payment) {
        return jdbc.sql("SELECT member_id FROM ledger.dues_payment_index WHERE payment_id = ?")
                .param(payment.value())
                .query(String.class).optional().map(MemberId::new);
    }
}
