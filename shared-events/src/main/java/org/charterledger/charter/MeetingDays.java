package org.charterledger.charter;

import org.charterledger.events.Procedure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The business dates of a motion, held to its meeting (CHARTER.md §3, §4): a motion is decided by a meeting, so
 * its votes and its decision fall on the meeting's days, and a decision comes on or after the last vote.
 * <p>
 * <b>Reading</b> (written ballots): the ledger records no ballot period apart from the meeting. The roll of a motion
 * is frozen on the meeting's first day, so a ballot is held to the same days as a vote at a sitting: the 13th
 * General Assembly's ballots, returned before its online session on dates the sources do not give, are recorded on
 * the session's day. A written-ballot period before the sitting would need its own roll date.
 * <p>
 * <b>Reading</b> (dates not given): a vote or a decision whose date is not given is dated on the meeting's last
 * day, the day its decisions are the meeting's (the chair passes on it, CHARTER.md §5), which is never before a
 * vote of the same meeting. The date comes from the meeting, never from the clock.
 *
 * @param firstDay the meeting's first day
 * @param lastDay  the meeting's last day
 */
public record MeetingDays(LocalDate firstDay, LocalDate lastDay) {

    public MeetingDays {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("a meeting cannot end before it starts");
        }
    }

    /** The date of a vote or a decision not given: the meeting's last day. */
    public LocalDate byDefault() {
        return lastDay;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** A vote (or a returned written ballot) falls on one of the meeting's days. */
    public Optional<RuleViolation> checkVote(Procedure procedure, LocalDate castOn) {
        if (contains(castOn)) {
            return Optional.empty();
        }
        String what = procedure == Procedure.WRITTEN_BALLOT ? "a written ballot is returned" : "a vote is cast";
        return Optional.of(new RuleViolation("vote-within-meeting", null,
                what + " on the days of its meeting, " + span() + ", not on " + castOn));
    }

    /**
     * A decision falls on one of the meeting's days and not before the last vote ({@code lastVote} is {@code null}
     * when no one voted).
     */
    public Optional<RuleViolation> checkDecision(LocalDate decidedOn, LocalDate lastVote) {
        if (!contains(decidedOn)) {
            return Optional.of(new RuleViolation("decision-within-meeting", null,
                    "a motion is decided on the days of its meeting, " + span() + ", not on " + decidedOn));
        }
        if (lastVote != null && decidedOn.isBefore(lastVote)) {
            return Optional.of(new RuleViolation("decision-after-votes", null,
                    "a motion is decided on or after its last vote (" + lastVote + "), not on " + decidedOn));
        }
        return Optional.empty();
    }

    private String span() {
        return firstDay.equals(lastDay) ? firstDay.toString() : firstDay + " to " + lastDay;
    }
}
