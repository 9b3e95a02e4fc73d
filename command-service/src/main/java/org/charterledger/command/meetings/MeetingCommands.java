package org.charterledger.command.meetings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.Body;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;

import java.time.LocalDate;
import java.util.List;

/** The commands of a meeting. */
public final class MeetingCommands {

    private MeetingCommands() {
    }

    /** Convene a meeting of a body: its ordinal, host, venue (or "online") and first and last day. */
    public record ConveneMeeting(@TargetAggregateIdentifier MeetingId meeting, Body body, int ordinal, MemberId host,
                                 String venue, LocalDate firstDay, LocalDate lastDay) {
    }

    /** Record governments present at the meeting. */
    public record RecordAttendance(@TargetAggregateIdentifier MeetingId meeting, List<MemberId> present) {
    }

    /** Close the meeting on its last day. */
    public record CloseMeeting(@TargetAggregateIdentifier MeetingId meeting) {
    }
}
