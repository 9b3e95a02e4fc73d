package org.charterledger.command.voting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.charter.MeetingDays;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.Procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The commands of a motion. What the motion cannot know itself (its meeting, the roll) comes with them. */
public final class MotionCommands {

    private MotionCommands() {
    }

    /**
     * Put a motion to a meeting. {@code roll} is the voter roll on {@code rollDate} (the meeting's first day);
     * {@code gaHeldThatYear} says whether a General Assembly meets in that year (Art. 9-2); {@code subcommittee}
     * the facts of the subcommittee the effect concerns, {@code null} when there is none or it does not exist;
     * {@code auditorCountries} the countries already holding an auditor's seat in the term this meeting elects for.
     */
    public record OpenMotion(@TargetAggregateIdentifier MotionId motion, MeetingId meeting, Body body,
                             boolean meetingClosed, boolean gaHeldThatYear, LocalDate rollDate, MotionKind kind,
                             Integer item, String subject, Procedure procedure, Effect effect, VoterRoll roll,
                             SubcommitteeFacts subcommittee, Set<CountryCode> auditorCountries) {
    }

    /**
     * A member on the roll votes (or returns its written ballot) on {@code castOn}, one of the meeting's days. The
     * meeting's days are the ledger's own facts, not the request's: a retry is compared without them.
     */
    public record CastVote(@TargetAggregateIdentifier MotionId motion, MemberId member, Choice choice,
                           LocalDate castOn, @JsonIgnore MeetingDays meetingDays) {
    }

    /**
     * Several members' returned written ballots (or votes), recorded together: all or none. The meeting's days are the
     * ledger's own facts, not the request's.
     */
    public record RecordBallots(@TargetAggregateIdentifier MotionId motion, List<Ballot> ballots,
                                @JsonIgnore MeetingDays meetingDays) {

        public RecordBallots {
            ballots = List.copyOf(ballots);
        }
    }

    /** One member's ballot, cast on {@code castOn}. */
    public record Ballot(MemberId member, Choice choice, LocalDate castOn) {
    }

    /**
     * Close the motion and decide it on {@code decidedOn}, one of the meeting's days; {@code attendance} is the
     * meeting's, for a motion put at a sitting.
     */
    public record CloseMotion(@TargetAggregateIdentifier MotionId motion, Set<MemberId> attendance,
                              LocalDate decidedOn, MeetingDays meetingDays) {
    }
}
