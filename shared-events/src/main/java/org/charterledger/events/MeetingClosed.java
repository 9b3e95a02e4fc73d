package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A meeting ended, on its last day. */
@Revision("1")
public record MeetingClosed(MeetingId meeting, LocalDate closedOn) implements MeetingEvent, BusinessDated {

    @Override
    public LocalDate businessDate() {
        return closedOn;
    }
}
