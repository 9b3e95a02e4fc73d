package org.charterledger.events;

/** An event of one meeting's stream (keyed by its id): convened, attended, closed. */
public sealed interface MeetingEvent extends LedgerEvent
        permits MeetingConvened, AttendanceRecorded, MeetingClosed {

    MeetingId meeting();
}
