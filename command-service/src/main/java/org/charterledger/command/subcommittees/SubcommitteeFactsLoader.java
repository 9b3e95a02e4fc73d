package org.charterledger.command.subcommittees;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.events.SubcommitteeEvent;
import org.charterledger.events.SubcommitteeId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A subcommittee's facts, folded from its event stream as the aggregate folds them. */
@Component
public class SubcommitteeFactsLoader {

    private final EventStore events;

    SubcommitteeFactsLoader(EventStore events) {
        this.events = events;
    }

    public Optional<SubcommitteeFacts> facts(int number) {
        return Optional.ofNullable(SubcommitteeFacts.fold(events.readEvents(SubcommitteeId.of(number).stream())
                .asStream().map(message -> (SubcommitteeEvent) message.getPayload()).toList()));
    }
}
