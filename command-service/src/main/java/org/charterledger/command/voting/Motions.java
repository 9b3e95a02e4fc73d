package org.charterledger.command.voting;

import org.charterledger.charter.ChairTerms;
import org.charterledger.charter.MeetingDays;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.command.submission.BusinessDates;
import org.charterledger.command.submission.IdempotentCommands.Submission;
import org.charterledger.command.submission.UnknownRecord;
import org.charterledger.command.meetings.MeetingIndex;
import org.charterledger.command.meetings.MeetingIndex.IndexedMeeting;
import org.charterledger.command.membership.PartyFactsLoader;
import org.charterledger.command.offices.OfficeFactsLoader;
import org.charterledger.command.subcommittees.SubcommitteeFactsLoader;
import org.charterledger.command.voting.MotionCommands.Ballot;
import org.charterledger.command.voting.MotionCommands.CastVote;
import org.charterledger.command.voting.MotionCommands.CloseMotion;
import org.charterledger.command.voting.MotionCommands.OpenMotion;
import org.charterledger.command.voting.MotionCommands.RecordBallots;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.Procedure;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gathers what a motion's commands need from outside the motion: its meeting, the voter roll on the meeting's
 * first day, whether a General Assembly meets that year, the meeting's attendance and days (a vote's or a
 * decision's date not given is the one {@link MeetingDays} gives).
 */
@Component
public class Motions {

    private final MeetingIndex meetings;
    private final PartyFactsLoader parties;
    private final SubcommitteeFactsLoader subcommittees;
    private final OfficeFactsLoader offices;
    private final BusinessDates dates;

    Motions(MeetingIndex meetings, PartyFactsLoader parties, SubcommitteeFactsLoader subcommittees,
            OfficeFactsLoader offices, BusinessDates dates) {
        this.dates = dates;
        this.meetings = meetings;
        this.parties = parties;
        this.subcommittees = subcommittees;
        this.offices = offices;
    }

    /** A motion as the client asks for it, before the ledger adds its meeting's facts and the roll. */
    public record MotionRequest(MotionId motion, MeetingId meeting, MotionKind kind, Integer item, String subject,
                                Procedure procedure, Effect effect) {
    }

    /** A vote as the client asks for it: {@code castOn} {@code null} when not given. */
    public record VoteRequest(MotionId motion, MemberId member, Choice choice, LocalDate castOn) {
    }

    /**
     * A closure as the client asks for it ({@code decidedOn} {@code null} when not given), before the ledger adds
     * the meeting's attendance and days.
     */
    public record ClosureRequest(MotionId motion, LocalDate decidedOn) {
    }

    public Submission open(MotionRequest request) {
        return new Submission(request.motion().value(), request.motion().value(), request,
                openCommand(request.motion(), request.meeting(), request.kind(), request.item(), request.subject(),
                        request.procedure(), request.effect()));
    }

    /** A vote dated on {@code castOn}, or when not given on the date {@link MeetingDays} gives, never ahead of today. */
    public Submission vote(MotionId motion, MemberId member, Choice choice, LocalDate castOn) {
        return new Submission(motion.value(), motion.value(), new VoteRequest(motion, member, choice, castOn),
                castVote(motion, member, choice, castOn));
    }

    /** What a client asked for in a round of ballots: a retry is compared with it. */
    public record BallotsRequest(MotionId motion, List<Ballot> ballots) {
    }

    /**
     * A round of returned ballots, each dated on its {@code castOn}, or when not given on the date
     * {@link MeetingDays} gives, never ahead of today.
     */
    public Submission ballots(MotionId motion, List<Ballot> requested) {
        MeetingDays days = daysOf(meetingOf(motion));
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Ballot ballot = requested.get(i);
            ballots.add(new Ballot(ballot.member(), ballot.choice(), dates.notInTheFuture("ballots[" + i + "].castOn",
                    ballot.castOn() == null ? days.byDefault() : ballot.castOn())));
        }
        return new Submission(motion.value(), motion.value(), new BallotsRequest(motion, requested),
                new RecordBallots(motion, ballots, days));
    }

    public CastVote castVote(MotionId motion, MemberId member, Choice choice, LocalDate castOn) {
        MeetingDays days = daysOf(meetingOf(motion));
        LocalDate on = dates.notInTheFuture("castOn", castOn == null ? days.byDefault() : castOn);
        return new CastVote(motion, member, choice, on, days);
    }

    /** A closure on {@code decidedOn}, or when not given on the date {@link MeetingDays} gives, never ahead of today. */
    public Submission close(MotionId motion, LocalDate decidedOn) {
        MeetingId meeting = meetingOf(motion);
        MeetingDays days = daysOf(meeting);
        LocalDate on = dates.notInTheFuture("decidedOn", decidedOn == null ? days.byDefault() : decidedOn);
        return new Submission(motion.value(), motion.value(), new ClosureRequest(motion, decidedOn),
                new CloseMotion(motion, meetings.attendance(meeting), on, days));
    }

    private OpenMotion openCommand(MotionId motion, MeetingId meetingId, MotionKind kind, Integer item, String subject,
                                   Procedure procedure, Effect effect) {
        IndexedMeeting meeting = meetings.meeting(meetingId)
                .orElseThrow(() -> new UnknownRecord("meeting", "meeting " + meetingId));
        VoterRoll roll = VoterRoll.at(parties.allParties(), parties.rates(), meeting.firstDay());
        Integer number = effect instanceof Effect.ReplaceCoordinator e ? Integer.valueOf(e.subcommittee())
                : effect instanceof Effect.EstablishSubcommittee e ? Integer.valueOf(e.subcommittee())
                : effect instanceof Effect.AppointCoordinators e ? Integer.valueOf(e.subcommittee())
                : effect instanceof Effect.RenewCoordinators e ? Integer.valueOf(e.subcommittee()) : null;
        SubcommitteeFacts subcommittee = number == null ? null : subcommittees.facts(number).orElse(null);
        Set<CountryCode> auditorCountries = effect instanceof Effect.ElectAuditor
                ? offices.auditorCountries(ChairTerms.electedOrdinal(meeting.ordinal())) : Set.of();
        return new OpenMotion(motion, meetingId, meeting.body(), meeting.closed(),
                meetings.gaHeldIn(meeting.firstDay().getYear()), meeting.firstDay(), kind, item, subject, procedure,
                effect, roll, subcommittee, auditorCountries);
    }

    private MeetingId meetingOf(MotionId motion) {
        return meetings.meetingOf(motion).orElseThrow(() -> new UnknownRecord("id", "motion " + motion));
    }

    private MeetingDays daysOf(MeetingId meeting) {
        IndexedMeeting indexed = meetings.meeting(meeting).orElseThrow();
        return new MeetingDays(indexed.firstDay(), indexed.lastDay());
    }
}
