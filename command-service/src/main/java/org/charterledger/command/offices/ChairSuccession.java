package org.charterledger.command.offices;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.charterledger.charter.ChairTerms;
import org.charterledger.command.meetings.MeetingIndex;
import org.charterledger.command.meetings.MeetingIndex.IndexedMeeting;
import org.charterledger.command.offices.ChairCommands.BeginChairTerm;
import org.charterledger.command.offices.ChairCommands.EndChairTerm;
import org.charterledger.events.Body;
import org.charterledger.events.MeetingClosed;
import org.springframework.stereotype.Component;

/**
 * When a General Assembly closes, the chair passes (Charter Art. 7(1)): the term of the chair that hosted it ends,
 * and the host it elected for the next Assembly begins its term. A subscribing processor, in the transaction that
 * closes the meeting.
 */
@Component
@ProcessingGroup(ChairSuccession.GROUP)
class ChairSuccession {

    static final String GROUP = "chair-succession";

    private final CommandGateway commands;
    private final MeetingIndex meetings;

    ChairSuccession(CommandGateway commands, MeetingIndex meetings) {
        this.commands = commands;
        this.meetings = meetings;
    }

    @EventHandler
    void on(MeetingClosed closed) {
        IndexedMeeting assembly = meetings.meeting(closed.meeting()).orElseThrow();
        if (assembly.body() != Body.GA) {
            return;
        }
        try {
            commands.sendAndWait(new EndChairTerm(Chairmanship.ID, assembly.ordinal(), closed.closedOn(),
                    assembly.id()));
        } catch (AggregateNotFoundException noChairRecordedYet) {
            // the ledger's history of the chair starts with the host this Assembly elected, if any
        }
        meetings.nextHostElectedAt(assembly.id()).ifPresent(elected -> commands.sendAndWait(new BeginChairTerm(
                Chairmanship.ID, ChairTerms.electedOrdinal(assembly.ordinal()), elected.host(), closed.closedOn(),
                elected.motion(), assembly.id())));
    }
}
