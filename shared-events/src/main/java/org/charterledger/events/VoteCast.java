package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member on a motion's roll voted (at a sitting, or by returning its written ballot). */
@Revision("1")
public record VoteCast(MotionId motion, MemberId member, Choice choice, LocalDate castOn) implements MotionEvent {

    @Override
    public LocalDate businessDate() {
        return castOn;
    }
}
