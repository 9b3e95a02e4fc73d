package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A motion was put to a body, with its voter roll frozen: every member with a vote on the meeting's date, and the
 * parties left off it with the reason, so that a replay always gives the same roll.
 *
 * @param motion    the motion's id, such as GA13-M2
 * @param meeting   the meeting it was put to
 * @param body      GA or EC
 * @param kind      an Art. 8 function or a coordinator's replacement
 * @param item      the Art. 8 item (1–11), or {@code null} for a coordinator's replacement
 * @param rule      the decision rule that applies
 * @param subject   the motion's text
 * @param procedure at a sitting or by written ballot
 * @param effect    what the motion does once passed, or {@code null} when it only records a decision
 * @param rollDate  the business date of the roll: the meeting's first day
 * @param roll      the members with a vote
 * @param leftOff   the parties without one, and why
 */
@Revision("1")
public record MotionOpened(MotionId motion, MeetingId meeting, Body body, MotionKind kind, Integer item,
                           String rule, String subject, Procedure procedure, Effect effect, LocalDate rollDate,
                           List<RollEntry> roll, List<LeftOff> leftOff) implements MotionEvent {

    public MotionOpened {
        Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(meeting, "meeting");
        roll = List.copyOf(roll);
        leftOff = List.copyOf(leftOff);
    }

    @Override
    public LocalDate businessDate() {
        return rollDate;
    }
}
