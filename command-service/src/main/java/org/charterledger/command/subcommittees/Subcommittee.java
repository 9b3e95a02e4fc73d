package org.charterledger.command.subcommittees;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.CoordinatorTerms;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.submission.ReservedStreams;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AbolishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AppointCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.EstablishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RecordSubcommitteeActivity;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RenewCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.ReplaceCoordinator;
import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.charterledger.events.SubcommitteeEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A subcommittee from its establishment: its coordinators' terms and its activities. */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
@ReservedStreams("SC-[0-9]+")
public class Subcommittee {

    @AggregateIdentifier
    private String id;
    private SubcommitteeFacts facts;

    protected Subcommittee() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EstablishSubcommittee cmd) {
        if (id != null) {
            throw new SubcommitteeRefused(Reason.CONFLICT, "number", "established-once", null,
                    "subcommittee " + cmd.number() + " already exists");
        }
        apply(new SubcommitteeEstablished(cmd.number(), cmd.name(), cmd.field(), cmd.founded(), cmd.decidedBy(),
                null));
    }

    @CommandHandler
    void handle(AbolishSubcommittee cmd) {
        refuseWhenAbolished();
        apply(SubcommitteeAbolished.citing(facts.number(), cmd.on(), cmd.decidedBy()));
    }

    /** Only members coordinate (Subcommittee Regulation Art. 5(1)); several may co-coordinate. */
    @CommandHandler
    void handle(AppointCoordinator cmd) {
        refuseWhenAbolished();
        for (MemberId coordinator : cmd.coordinators()) {
            PartyCategory category = cmd.categories().get(coordinator);
            if (category != PartyCategory.MEMBER) {
                throw new SubcommitteeRefused(Reason.RULE, "effect.coordinators", "members-only",
                        "Subcommittee Regulation Art. 5(1)", coordinator + " is not a member on " + cmd.start()
                        + (category == null ? " (not a party then)" : " but an " + category.name().toLowerCase()));
            }
        }
        apply(new CoordinatorAppointed(facts.number(), cmd.coordinators(), cmd.start(),
                CoordinatorTerms.termEnd(cmd.start()), false, cmd.decidedBy(), null));
    }

    /** The term is renewable (Art. 5(2)): the next one starts where the current one ends. */
    @CommandHandler
    void handle(RenewCoordinator cmd) {
        refuseWhenAbolished();
        if (facts.coordinators().isEmpty()) {
            throw new SubcommitteeRefused(Reason.CONFLICT, "coordinators", "coordinator-appointed", null,
                    "subcommittee " + facts.number() + " has no coordinator to renew");
        }
        apply(new CoordinatorAppointed(facts.number(), facts.coordinators(), facts.termEnd(),
                CoordinatorTerms.termEnd(facts.termEnd()), true, cmd.decidedBy(), null));
    }

    @CommandHandler
    void handle(RecordSubcommitteeActivity cmd) {
        refuseWhenAbolished();
        if (cmd.lastDay().isBefore(cmd.firstDay())) {
            throw new SubcommitteeRefused(Reason.RULE, "lastDay", "last-day-after-first", null,
                    "an activity cannot end before it starts");
        }
        apply(new SubcommitteeActivityRecorded(facts.number(), cmd.ordinal(), cmd.firstDay(), cmd.lastDay(),
                cmd.host(), cmd.form()));
    }

    /** Replaces an inactive coordinator by the decision of the Executive Committee (Art. 5(7), 5(8)). */
    @CommandHandler
    void handle(ReplaceCoordinator cmd) {
        refuseWhenAbolished();
        if (!facts.coordinators().contains(cmd.outgoing())) {
            throw new SubcommitteeRefused(Reason.RULE, "effect.outgoing", "sitting-coordinator", null,
                    cmd.outgoing() + " does not coordinate subcommittee " + facts.number());
        }
        if (!facts.replaceableOn(cmd.from())) {
            throw new SubcommitteeRefused(Reason.RULE, "effect.outgoing", "inactive-two-years",
                    "Subcommittee Regulation Art. 5(7)", "subcommittee " + facts.number() + " was active on "
                    + facts.inactiveSince() + ", less than two years before " + cmd.from());
        }
        apply(new CoordinatorReplaced(facts.number(), cmd.outgoing(), cmd.incoming(), cmd.from(),
                CoordinatorTerms.termEnd(cmd.from()), cmd.decidedBy()));
    }

    private void refuseWhenAbolished() {
        if (facts.abolished()) {
            throw new SubcommitteeRefused(Reason.CONFLICT, "number", "not-abolished", null,
                    "subcommittee " + facts.number() + " was abolished");
        }
    }

    /** Every event of the stream, folded as the facts loader folds it ({@link SubcommitteeFacts#next}). */
    @EventSourcingHandler
    void on(SubcommitteeEvent e) {
        id = e.subcommittee().stream();
        facts = SubcommitteeFacts.next(facts, e);
    }
}
