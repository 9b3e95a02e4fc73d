package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.util.List;

/** These governments were present at a meeting. */
@Revision("1")
public record AttendanceRecorded(MeetingId meeting, List<MemberId> present) implements MeetingEvent {

    public AttendanceRecorded {
        present = List.copyOf(present);
    }
}
