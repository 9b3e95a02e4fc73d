package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/** A body was convened: its ordinal, its host government, where (or "online"), and its first and last day. */
@Revision("1")
public record MeetingConvened(MeetingId meeting, Body body, int ordinal, MemberId host, String venue,
                              LocalDate firstDay, LocalDate lastDay) implements MeetingEvent, BusinessDated {

    public MeetingConvened {
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    @Override
    public LocalDate businessDate() {
        return firstDay;
    }
}
