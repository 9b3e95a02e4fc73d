package org.charterledger.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Effects;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.submission.ReservedStreams;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.charterledger.events.MotionId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The Association's schedule of yearly dues, one stream: the rate changes the General Assembly decided. */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
@ReservedStreams(DuesSchedule.ID)
public class DuesSchedule {

    /** The id of the one schedule. */
    public static final String ID = "DUES-SCHEDULE";

    @AggregateIdentifier
    private String id;

    protected DuesSchedule() {
        // for Axon
    }

    /** Change the yearly dues from a fiscal year on, by the decision of the motion that passed. */
    public record ChangeDuesRate(@TargetAggregateIdentifier String schedule, Money amount, FiscalYear fromYear,
                                 MotionId decidedBy) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeDuesRate cmd) {
        Effects.checkDuesRate(cmd.amount()).ifPresent(violation -> {
            throw new DuesRefused(Reason.RULE, "effect.amount", violation.rule(), violation.article(),
                    violation.message());
        });
        apply(new DuesRateChanged(cmd.amount(), cmd.fromYear(), cmd.decidedBy()));
    }

    @EventSourcingHandler
    void on(DuesRateChanged e) {
        id = ID;
    }
}
