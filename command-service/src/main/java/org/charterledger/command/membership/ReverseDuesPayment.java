package org.charterledger.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.MemberId;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;

/** Reverse a recorded dues payment (a bounced transfer, an entry error) from a date on. */
public record ReverseDuesPayment(@TargetAggregateIdentifier MemberId member, PaymentId payment, LocalDate reversedOn,
                                 String reason) {
}
