package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A recorded dues payment was reversed (a bounced transfer, an entry error): it stays in the history, and the year
 * it settled is unpaid again from the reversal's date.
 */
@Revision("1")
public record DuesPaymentReversed(MemberId member, PaymentId payment, LocalDate reversedOn, String reason) implements PartyEvent {

    public DuesPaymentReversed {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(reversedOn, "reversedOn");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public LocalDate businessDate() {
        return reversedOn;
    }
}
