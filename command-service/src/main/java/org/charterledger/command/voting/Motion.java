package org.charterledger.command.voting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Count;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.Delegation;
import org.charterledger.charter.Effects;
import org.charterledger.charter.MeetingDays;
import org.charterledger.charter.VoterRoll;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.voting.MotionCommands.Ballot;
import org.charterledger.command.voting.MotionCommands.CastVote;
import org.charterledger.command.voting.MotionCommands.CloseMotion;
import org.charterledger.command.voting.MotionCommands.OpenMotion;
import org.charterledger.command.voting.MotionCommands.RecordBallots;
import org.charterledger.events.Choice;
import org.charterledger.events.Effect;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.NextHostElected;
import org.charterledger.events.Outcome;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A motion put to a body: opened with its voter roll frozen, voted on once per member of the roll, and closed with
 * the outcome its decision rule derives from the roll, the presence and the votes (CHARTER.md §4).
 */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
public class Motion {

    @AggregateIdentifier
    private MotionId id;
    private MeetingId meeting;
    private DecisionRule rule;
    private Procedure procedure;
    private Effect effect;
    private List<RollEntry> roll;
    private List<LeftOff> leftOff;
    private final Map<MemberId, Choice> ballots = new HashMap<>();
    private LocalDate lastVote;
    private boolean closed;

    protected Motion() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenMotion cmd) {
        if (id != null) {
            throw new MotionRefused(Reason.CONFLICT, "id", "opened-once", null, cmd.motion() + " was already opened");
        }
        if (cmd.meetingClosed()) {
            throw new MotionRefused(Reason.CONFLICT, "meeting", "meeting-open", null,
                    "meeting " + cmd.meeting() + " is closed");
        }
        Delegation.check(cmd.body(), cmd.kind(), cmd.item(), cmd.gaHeldThatYear()).ifPresent(violation -> {
            throw new MotionRefused(cmd.kind() == MotionKind.ARTICLE_8 ? "item" : "kind", violation);
        });
        if (cmd.effect() != null) {
            Effects.check(cmd.kind(), cmd.item(), cmd.effect(), new Effects.Facts(cmd.rollDate(), cmd.roll(),
                    cmd.subcommittee(), cmd.auditorCountries())).ifPresent(refusal -> {
                throw new MotionRefused(refusal);
            });
        }
        DecisionRule decisionRule = DecisionRule.forMotion(cmd.kind(), cmd.item());
        apply(new MotionOpened(cmd.motion(), cmd.meeting(), cmd.body(), cmd.kind(), cmd.item(), decisionRule.name(),
                cmd.subject(), cmd.procedure(), cmd.effect(), cmd.rollDate(), cmd.roll().entries(),
                cmd.roll().leftOff()));
    }

    @CommandHandler
    void handle(CastVote cmd) {
        checkOpen();
        Optional<MotionRefused> refused = refusalOf(cmd.member(), cmd.castOn(), cmd.meetingDays(), Set.of());
        if (refused.isPresent()) {
            throw refused.get();
        }
        apply(new VoteCast(id, cmd.member(), cmd.choice(), cmd.castOn()));
    }

    /** Every ballot is checked as a single vote would be; one refused, none is recorded, and each refusal is named. */
    @CommandHandler
    void handle(RecordBallots cmd) {
        checkOpen();
        Set<MemberId> inThisRound = new HashSet<>();
        List<BallotsRefused.Refused> refusals = new ArrayList<>();
        for (int i = 0; i < cmd.ballots().size(); i++) {
            Ballot ballot = cmd.ballots().get(i);
            int index = i;
            refusalOf(ballot.member(), ballot.castOn(), cmd.meetingDays(), inThisRound)
                    .ifPresent(refusal -> refusals.add(new BallotsRefused.Refused(index, ballot.member(), refusal)));
            inThisRound.add(ballot.member());
        }
        if (!refusals.isEmpty()) {
            throw new BallotsRefused(id, cmd.ballots().size(), refusals);
        }
        cmd.ballots().forEach(ballot -> apply(new VoteCast(id, ballot.member(), ballot.choice(), ballot.castOn())));
    }

    private void checkOpen() {
        if (closed) {
            throw new MotionRefused(Reason.CONFLICT, "motion", "motion-open", null, id + " is closed");
        }
    }

    /** Why {@code member} may not vote on {@code castOn}, if it may not (Art. 9(1), the meeting's days). */
    private Optional<MotionRefused> refusalOf(MemberId member, LocalDate castOn, MeetingDays meetingDays,
                                              Set<MemberId> alsoVoting) {
        if (roll.stream().noneMatch(e -> e.member().equals(member))) {
            return Optional.of(new MotionRefused(Reason.RULE, "member", "on-the-roll", "Charter Art. 9(1)",
                    member + " is not on the voter roll of " + id + ": " + VoterRoll.whyNot(leftOff, member)));
        }
        if (ballots.containsKey(member) || alsoVoting.contains(member)) {
            return Optional.of(new MotionRefused(Reason.CONFLICT, "member", "one-vote", "Charter Art. 9(1)",
                    member + " already voted on " + id));
        }
        return meetingDays.checkVote(procedure, castOn).map(violation -> new MotionRefused("castOn", violation));
    }

    /** Decides the motion by the count of {@link Count#of}: who is present, and how they voted. */
    @CommandHandler
    void handle(CloseMotion cmd) {
        if (closed) {
            throw new MotionRefused(Reason.CONFLICT, "motion", "motion-open", null, id + " is already closed");
        }
        cmd.meetingDays().checkDecision(cmd.decidedOn(), lastVote).ifPresent(violation -> {
            throw new MotionRefused("decidedOn", violation);
        });
        Count count = Count.of(rule, procedure, roll.stream().map(RollEntry::member).toList(), ballots,
                cmd.attendance());
        Tally tally = count.tally();
        apply(new MotionDecided(id, tally.outcome(), count.present(), tally, cmd.decidedOn()));
        if (tally.outcome() == Outcome.PASSED && effect instanceof Effect.ElectNextHost elect) {
            apply(new NextHostElected(id, meeting, elect.host(), cmd.decidedOn()));
        }
    }

    @EventSourcingHandler
    void on(MotionOpened e) {
        id = e.motion();
        meeting = e.meeting();
        rule = DecisionRule.valueOf(e.rule());
        procedure = e.procedure();
        effect = e.effect();
        roll = e.roll();
        leftOff = e.leftOff();
    }

    @EventSourcingHandler
    void on(VoteCast e) {
        ballots.put(e.member(), e.choice());
        if (lastVote == null || e.castOn().isAfter(lastVote)) {
            lastVote = e.castOn();
        }
    }

    @EventSourcingHandler
    void on(MotionDecided e) {
        closed = true;
    }
}
