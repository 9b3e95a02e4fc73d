package org.charterledger.command.voting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Admission;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.Delegation;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.voting.MotionCommands.CastVote;
import org.charterledger.command.voting.MotionCommands.CloseMotion;
import org.charterledger.command.voting.MotionCommands.OpenMotion;
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
import org.charterledger.events.PartyCategory;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
            checkEffect(cmd);
        }
        DecisionRule decisionRule = DecisionRule.forMotion(cmd.kind(), cmd.item());
        apply(new MotionOpened(cmd.motion(), cmd.meeting(), cmd.body(), cmd.kind(), cmd.item(), decisionRule.name(),
                cmd.subject(), cmd.procedure(), cmd.effect(), cmd.rollDate(), cmd.roll().entries(),
                cmd.roll().leftOff()));
    }

    /** An effect must be one the motion's kind and item decide, and possible on the roll's date. */
    private static void checkEffect(OpenMotion cmd) {
        Effect effect = cmd.effect();
        if (effect instanceof Effect.ReplaceCoordinator replace) {
            checkReplacement(cmd, replace);
            return;
        }
        if (effect instanceof Effect.EstablishSubcommittee || effect instanceof Effect.AppointCoordinators
                || effect instanceof Effect.RenewCoordinators) {
            checkSubcommitteeDecision(cmd, effect);
            return;
        }
        if (cmd.kind() != MotionKind.ARTICLE_8 || !Integer.valueOf(effect.item()).equals(cmd.item())) {
            throw new MotionRefused(Reason.RULE, "effect", "effect-of-item", "Charter Art. 8",
                    "this effect is decided under Art. 8 item " + effect.item() + ", not by this motion");
        }
        if (effect instanceof Effect.Admit admit) {
            Optional<PartyCategory> category = categoryOn(cmd.roll(), admit.party());
            if (category.isPresent() && category.get() != PartyCategory.OBSERVER) {
                throw new MotionRefused(Reason.CONFLICT, "effect.party", "admitted-once", null,
                        admit.party() + " is already a " + category.get());
            }
            if (admit.category() == PartyCategory.OBSERVER) {
                throw new MotionRefused(Reason.RULE, "effect.category", "member-or-associate", "Charter Art. 4",
                        "the General Assembly admits members and associates; observers are invited");
            }
            Admission.checkCountry(admit.category(), admit.country()).ifPresent(violation -> {
                throw new MotionRefused("effect.category", violation);
            });
        } else if (effect instanceof Effect.Expel expel) {
            Optional<PartyCategory> category = categoryOn(cmd.roll(), expel.party());
            if (category.isEmpty() || category.get() == PartyCategory.OBSERVER) {
                throw new MotionRefused(Reason.RULE, "effect.party", "member-or-associate", "Charter Art. 8",
                        expel.party() + " is not a member or an associate");
            }
        } else if (effect instanceof Effect.ElectAuditor elect) {
            if (!cmd.roll().contains(elect.auditor())) {
                throw new MotionRefused(Reason.RULE, "effect.auditor", "electoral-rights", "Charter Art. 7(3)",
                        elect.auditor() + " may not be elected: " + VoterRoll.whyNot(cmd.roll().leftOff(), elect.auditor()));
            }
            if (cmd.auditorCountries().contains(elect.auditor().countryPrefix())) {
                throw new MotionRefused(Reason.CONFLICT, "effect.auditor", "one-per-country", "Charter Art. 7(2)",
                        "the term already has an auditor from " + elect.auditor().countryPrefix());
            }
        } else if (effect instanceof Effect.ElectNextHost elect) {
            if (!cmd.roll().contains(elect.host())) {
                throw new MotionRefused(Reason.RULE, "effect.host", "electoral-rights", "Charter Art. 7(3)",
                        elect.host() + " may not be elected: " + VoterRoll.whyNot(cmd.roll().leftOff(), elect.host()));
            }
        } else if (effect instanceof Effect.ChangeDuesRate change && !change.amount().isPositive()) {
            throw new MotionRefused(Reason.RULE, "effect.amount", "positive", "Dues Regulation Art. 5(3)",
                    "the yearly dues must be more than zero");
        }
    }

    /**
     * A coordinator is replaced by a motion of that kind, when it has held no meeting or event for two years or
     * more on the meeting's date, by a member (Subcommittee Regulation Art. 5(1), 5(7)).
     */
    private static void checkReplacement(OpenMotion cmd, Effect.ReplaceCoordinator replace) {
        SubcommitteeFacts subcommittee = cmd.subcommittee();
        if (cmd.kind() != MotionKind.COORDINATOR_REPLACEMENT) {
            throw new MotionRefused(Reason.RULE, "kind", "replacement-motion", "Subcommittee Regulation Art. 5(7)",
                    "a coordinator is replaced by a motion of the kind COORDINATOR_REPLACEMENT");
        }
        if (subcommittee == null || subcommittee.abolished()) {
            throw new MotionRefused(Reason.UNKNOWN, "effect.subcommittee", "must-exist", null,
                    "there is no active subcommittee " + replace.subcommittee());
        }
        if (!subcommittee.coordinators().contains(replace.outgoing())) {
            throw new MotionRefused(Reason.RULE, "effect.outgoing", "sitting-coordinator", null,
                    replace.outgoing() + " does not coordinate subcommittee " + replace.subcommittee());
        }
        if (!subcommittee.replaceableOn(cmd.rollDate())) {
            throw new MotionRefused(Reason.RULE, "effect.outgoing", "inactive-two-years",
                    "Subcommittee Regulation Art. 5(7)", "subcommittee " + replace.subcommittee() + " was active on "
                    + subcommittee.inactiveSince() + ", less than two years before " + cmd.rollDate());
        }
        if (categoryOn(cmd.roll(), replace.incoming()).filter(PartyCategory.MEMBER::equals).isEmpty()) {
            throw new MotionRefused(Reason.RULE, "effect.incoming", "members-only", "Subcommittee Regulation Art. 5(1)",
                    replace.incoming() + " is not a member on " + cmd.rollDate());
        }
    }

    /**
     * A subcommittee is set up, and its coordinators appointed or renewed, by a motion of the kind SUBCOMMITTEE
     * (Charter Art. 11(4)): one not yet set up; coordinators of one that is, and not abolished, members on the
     * meeting's date (Subcommittee Regulation Art. 5(1)); a renewal of sitting coordinators (Art. 5(2)).
     */
    private static void checkSubcommitteeDecision(OpenMotion cmd, Effect effect) {
        if (cmd.kind() != MotionKind.SUBCOMMITTEE) {
            throw new MotionRefused(Reason.RULE, "kind", "subcommittee-motion", "Charter Art. 11(4)",
                    "a subcommittee and its coordinators are decided by a motion of the kind SUBCOMMITTEE");
        }
        SubcommitteeFacts subcommittee = cmd.subcommittee();
        if (effect instanceof Effect.EstablishSubcommittee establish) {
            if (establish.subcommittee() < 1 || establish.subcommittee() > 999) {
                throw new MotionRefused(Reason.RULE, "effect.subcommittee", "subcommittee-number",
                        "Subcommittee Regulation Art. 2", "a subcommittee's number is from 1 to 999");
            }
            if (establish.name() == null || establish.name().isBlank() || establish.name().length() > 200
                    || (establish.field() != null && establish.field().length() > 200)) {
                throw new MotionRefused(Reason.RULE, "effect.name", "name-and-field", null,
                        "a subcommittee has a name, and a field, of at most 200 characters");
            }
            if (subcommittee != null) {
                throw new MotionRefused(Reason.CONFLICT, "effect.subcommittee", "established-once", null,
                        "subcommittee " + establish.subcommittee() + " already exists");
            }
            return;
        }
        int number = effect instanceof Effect.AppointCoordinators appoint ? appoint.subcommittee()
                : ((Effect.RenewCoordinators) effect).subcommittee();
        if (subcommittee == null || subcommittee.abolished()) {
            throw new MotionRefused(Reason.UNKNOWN, "effect.subcommittee", "must-exist", null,
                    "there is no active subcommittee " + number);
        }
        if (effect instanceof Effect.AppointCoordinators appoint) {
            if (appoint.coordinators().isEmpty()) {
                throw new MotionRefused(Reason.RULE, "effect.coordinators", "one-or-more",
                        "Subcommittee Regulation Art. 5(1)", "a subcommittee has one coordinator or more");
            }
            for (MemberId coordinator : appoint.coordinators()) {
                Optional<PartyCategory> category = categoryOn(cmd.roll(), coordinator);
                if (category.filter(PartyCategory.MEMBER::equals).isEmpty()) {
                    throw new MotionRefused(Reason.RULE, "effect.coordinators", "members-only",
                            "Subcommittee Regulation Art. 5(1)", coordinator + " is not a member on " + cmd.rollDate()
                            + category.map(c -> " but an " + c.name().toLowerCase()).orElse(" (not a party then)"));
                }
            }
        } else if (subcommittee.coordinators().isEmpty()) {
            throw new MotionRefused(Reason.CONFLICT, "effect.subcommittee", "coordinator-appointed", null,
                    "subcommittee " + number + " has no coordinator to renew");
        }
    }

    private static Optional<PartyCategory> categoryOn(VoterRoll roll, MemberId party) {
        if (roll.contains(party)) {
            return Optional.of(PartyCategory.MEMBER);
        }
        return roll.leftOff().stream().filter(l -> l.party().equals(party)).map(LeftOff::category).findFirst();
    }

    @CommandHandler
    void handle(CastVote cmd) {
        if (closed) {
            throw new MotionRefused(Reason.CONFLICT, "motion", "motion-open", null, id + " is closed");
        }
        if (roll.stream().noneMatch(e -> e.member().equals(cmd.member()))) {
            throw new MotionRefused(Reason.RULE, "member", "on-the-roll", "Charter Art. 9(1)",
                    cmd.member() + " is not on the voter roll of " + id + ": " + VoterRoll.whyNot(leftOff, cmd.member()));
        }
        if (ballots.containsKey(cmd.member())) {
            throw new MotionRefused(Reason.CONFLICT, "member", "one-vote", "Charter Art. 9(1)",
                    cmd.member() + " already voted on " + id);
        }
        cmd.meetingDays().checkVote(procedure, cmd.castOn()).ifPresent(violation -> {
            throw new MotionRefused("castOn", violation);
        });
        apply(new VoteCast(id, cmd.member(), cmd.choice(), cmd.castOn()));
    }

    /**
     * Decides the motion. Present are the members on the roll that voted (a returned ballot counts as presence)
     * and, at a sitting, those recorded as attending the meeting.
     */
    @CommandHandler
    void handle(CloseMotion cmd) {
        if (closed) {
            throw new MotionRefused(Reason.CONFLICT, "motion", "motion-open", null, id + " is already closed");
        }
        cmd.meetingDays().checkDecision(cmd.decidedOn(), lastVote).ifPresent(violation -> {
            throw new MotionRefused("decidedOn", violation);
        });
        Set<MemberId> present = new TreeSet<>(Comparator.comparing(MemberId::value));
        present.addAll(ballots.keySet());
        if (procedure == Procedure.SITTING) {
            roll.stream().map(RollEntry::member).filter(cmd.attendance()::contains).forEach(present::add);
        }
        Tally tally = rule.tally(roll.size(), present.size(), count(Choice.YES), count(Choice.NO),
                count(Choice.ABSTAIN));
        apply(new MotionDecided(id, tally.outcome(), new ArrayList<>(present), tally, cmd.decidedOn()));
        if (tally.outcome() == Outcome.PASSED && effect instanceof Effect.ElectNextHost elect) {
            apply(new NextHostElected(id, meeting, elect.host(), cmd.decidedOn()));
        }
    }

    private int count(Choice choice) {
        return (int) ballots.values().stream().filter(choice::equals).count();
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
