package org.charterledger.command.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;

import java.time.LocalDate;

/** Expel a party, by the decision of the motion that passed (sent only by the motion's effects). */
public record ExpelMember(@TargetAggregateIdentifier MemberId member, LocalDate expelledOn, MotionId decidedBy) {
}
