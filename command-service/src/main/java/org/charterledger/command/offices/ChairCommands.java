package org.charterledger.command.offices;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;

import java.time.LocalDate;

/** The commands of the chairmanship, one stream ({@link Chairmanship#ID}). */
public final class ChairCommands {

    private ChairCommands() {
    }

    /** The chair in office when the ledger's history starts, recorded by the opening balance. */
    public record RecordChairOnOpeningBalance(@TargetAggregateIdentifier String chairmanship, int ordinal,
                                              MemberId holder, LocalDate from) {
    }

    /** The host elected by a General Assembly becomes chair at its close (sent only by the chair's succession). */
    public record BeginChairTerm(@TargetAggregateIdentifier String chairmanship, int ordinal, MemberId holder,
                                 LocalDate from, MotionId electedBy, MeetingId electingMeeting) {
    }

    /** A General Assembly closed; if the sitting chair hosted it, its term ends (sent only by the succession). */
    public record EndChairTerm(@TargetAggregateIdentifier String chairmanship, int hostedOrdinal, LocalDate until,
                               MeetingId hostedMeeting) {
    }

    public record DesignateActingChair(@TargetAggregateIdentifier String chairmanship, String deputy, LocalDate from,
                                       String reason) {
    }

    public record EndActingChair(@TargetAggregateIdentifier String chairmanship, LocalDate on) {
    }
}
