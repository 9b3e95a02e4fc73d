package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The General Assembly expelled a party (Charter Art. 8 item 1); it keeps its history and is on no later roll. */
@Revision("1")
public record MemberExpelled(MemberId member, LocalDate expelledOn, MotionId decidedBy) implements PartyEvent {

    @Override
    public LocalDate businessDate() {
        return expelledOn;
    }
}
