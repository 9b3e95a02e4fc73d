package org.charterledger.command.meetings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.meetings.MeetingCommands.CloseMeeting;
import org.charterledger.command.meetings.MeetingCommands.ConveneMeeting;
import org.charterledger.command.meetings.MeetingCommands.RecordAttendance;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A meeting of the General Assembly or the Executive Committee, from its convening to its close. */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
public class Meeting {

    @AggregateIdentifier
    private MeetingId id;
    private LocalDate lastDay;
    private boolean closed;
    private final Set<MemberId> present = new HashSet<>();

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConveneMeeting cmd) {
        if (id != null) {
            throw new MeetingRefused(Reason.CONFLICT, "id", "convened-once", cmd.meeting() + " was already convened");
        }
        if (cmd.lastDay().isBefore(cmd.firstDay())) {
            throw new MeetingRefused(Reason.RULE, "lastDay", "last-day-after-first",
                    "a meeting cannot end (" + cmd.lastDay() + ") before it starts (" + cmd.firstDay() + ")");
        }
        if (cmd.ordinal() < 1) {
            throw new MeetingRefused(Reason.RULE, "ordinal", "positive", "a meeting's ordinal starts at 1");
        }
        apply(new MeetingConvened(cmd.meeting(), cmd.body(), cmd.ordinal(), cmd.host(), cmd.venue(), cmd.firstDay(),
                cmd.lastDay()));
    }

    /** Records the governments not yet recorded as present; a repeated name changes nothing. */
    @CommandHandler
    void handle(RecordAttendance cmd) {
        refuseWhenClosed();
        List<MemberId> newlyPresent = cmd.present().stream().distinct().filter(p -> !present.contains(p)).toList();
        if (!newlyPresent.isEmpty()) {
            apply(new AttendanceRecorded(id, newlyPresent));
        }
    }

    @CommandHandler
    void handle(CloseMeeting cmd) {
        refuseWhenClosed();
        apply(new MeetingClosed(id, lastDay));
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw new MeetingRefused(Reason.CONFLICT, "id", "meeting-open", id + " is closed");
        }
    }

    @EventSourcingHandler
    void on(MeetingConvened e) {
        id = e.meeting();
        lastDay = e.lastDay();
    }

    @EventSourcingHandler
    void on(AttendanceRecorded e) {
        present.addAll(e.present());
    }

    @EventSourcingHandler
    void on(MeetingClosed e) {
        closed = true;
    }
}
