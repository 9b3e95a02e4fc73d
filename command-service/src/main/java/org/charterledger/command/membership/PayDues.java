package org.charterledger.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;

/** Record a member's payment of (all or part of) its contribution for one fiscal year. */
public record PayDues(@TargetAggregateIdentifier MemberId member, PaymentId payment, FiscalYear year, Money paid,
                      Money credited, LocalDate paidOn, String reference) {
}
