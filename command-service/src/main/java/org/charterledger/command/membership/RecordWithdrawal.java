package org.charterledger.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.MemberId;

import java.time.LocalDate;

/** Record that a party left the Association of its own accord. */
public record RecordWithdrawal(@TargetAggregateIdentifier MemberId member, LocalDate withdrewOn, String reference) {
}
