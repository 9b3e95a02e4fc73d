package org.charterledger.command.voting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.charter.ChairTerms;
import org.charterledger.command.meetings.MeetingIndex;
import org.charterledger.command.membership.AdmitMember;
import org.charterledger.command.offices.Auditors;
import org.charterledger.command.membership.DuesSchedule;
import org.charterledger.command.membership.ExpelMember;
import org.charterledger.command.membership.PartyFactsLoader;
import org.charterledger.command.subcommittees.SubcommitteeCommands;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.Effect;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.Outcome;
import org.springframework.stereotype.Component;

/**
 * A passed motion takes effect: the admission, expulsion, dues change, auditor, subcommittee or coordinators it
 * decided is commanded here, citing the motion, and nowhere else (the HTTP API records such acts only as the
 * effects of motions; the opening balance alone records them without one). A subscribing processor, so the
 * effect is appended in the transaction that closes the motion: both happen, or neither. An auditor serves the
 * term of the chair the same Assembly elected. The election of the
 * next host is the motion's own event ({@code NextHostElected}).
 */
@Component
@ProcessingGroup(DecisionEffects.GROUP)
class DecisionEffects {

    static final String GROUP = "decision-effects";

    private final CommandGateway commands;
    private final EventStore events;
    private final MeetingIndex meetings;
    private final PartyFactsLoader parties;

    DecisionEffects(CommandGateway commands, EventStore events, MeetingIndex meetings, PartyFactsLoader parties) {
        this.commands = commands;
        this.events = events;
        this.meetings = meetings;
        this.parties = parties;
    }

    @EventHandler
    void on(MotionDecided decided) {
        if (decided.outcome() != Outcome.PASSED) {
            return;
        }
        MotionOpened opened = events.readEvents(decided.motion().value()).asStream()
                .map(message -> message.getPayload())
                .filter(MotionOpened.class::isInstance).map(MotionOpened.class::cast)
                .findFirst().orElseThrow();
        Effect effect = opened.effect();
        if (effect instanceof Effect.Admit admit) {
            commands.sendAndWait(new AdmitMember(admit.party(), admit.country(), admit.name(), null,
                    admit.category(), decided.decidedOn(), AdmissionBasis.DECISION, decided.motion()));
        } else if (effect instanceof Effect.Expel expel) {
            commands.sendAndWait(new ExpelMember(expel.party(), decided.decidedOn(), decided.motion()));
        } else if (effect instanceof Effect.ReplaceCoordinator replace) {
            commands.sendAndWait(new SubcommitteeCommands.ReplaceCoordinator(
                    SubcommitteeCommands.streamOf(replace.subcommittee()), replace.outgoing(), replace.incoming(),
                    decided.decidedOn(), decided.motion()));
        } else if (effect instanceof Effect.ElectAuditor elect) {
            int electingAssembly = meetings.meeting(opened.meeting()).orElseThrow().ordinal();
            commands.sendAndWait(new Auditors.ElectAuditor(Auditors.ID, elect.auditor(),
                    ChairTerms.electedOrdinal(electingAssembly), decided.decidedOn(), decided.motion()));
        } else if (effect instanceof Effect.EstablishSubcommittee establish) {
            commands.sendAndWait(new SubcommitteeCommands.EstablishSubcommittee(
                    SubcommitteeCommands.streamOf(establish.subcommittee()), establish.subcommittee(),
                    establish.name().strip(), establish.field(), decided.decidedOn(), decided.motion()));
        } else if (effect instanceof Effect.AppointCoordinators appoint) {
            commands.sendAndWait(new SubcommitteeCommands.AppointCoordinator(
                    SubcommitteeCommands.streamOf(appoint.subcommittee()), appoint.coordinators(), decided.decidedOn(),
                    decided.motion(), parties.categoriesOn(appoint.coordinators(), decided.decidedOn())));
        } else if (effect instanceof Effect.RenewCoordinators renew) {
            commands.sendAndWait(new SubcommitteeCommands.RenewCoordinator(
                    SubcommitteeCommands.streamOf(renew.subcommittee()), decided.motion()));
        } else if (effect instanceof Effect.ChangeDuesRate change) {
            commands.sendAndWait(new DuesSchedule.ChangeDuesRate(DuesSchedule.ID, change.amount(), change.fromYear(),
                    decided.motion()));
        }
    }
}
