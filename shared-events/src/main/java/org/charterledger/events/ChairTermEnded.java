package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A chair's term ended with the close of the General Assembly it hosted (Charter Art. 7(1)). */
@Revision("1")
public record ChairTermEnded(int ordinal, MemberId holder, LocalDate until, MeetingId hostedMeeting) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return until;
    }
}
