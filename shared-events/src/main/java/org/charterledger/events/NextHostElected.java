package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The General Assembly elected the host of the next General Assembly, and so the next chair of the Association
 * (Charter Art. 7(1), Art. 8 item 9).
 */
@Revision("1")
public record NextHostElected(MotionId decidedBy, MeetingId electingMeeting, MemberId host, LocalDate electedOn) implements MotionEvent {

    @Override
    public LocalDate businessDate() {
        return electedOn;
    }
}
