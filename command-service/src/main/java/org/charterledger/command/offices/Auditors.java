package org.charterledger.command.offices;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Effects;
import org.charterledger.charter.RuleViolation;
import org.charterledger.command.Rejection;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.submission.ReservedStreams;
import org.charterledger.events.AuditorElected;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The auditors of the Association, one per country in each term (Charter Art. 7(2)). */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
@ReservedStreams(Auditors.ID)
public class Auditors {

    public static final String ID = "AUDITORS";

    @AggregateIdentifier
    private String id;
    /** The countries holding a seat, by term. */
    private final Map<Integer, Set<CountryCode>> seats = new HashMap<>();

    protected Auditors() {
        // for Axon
    }

    /** Sent only by the effects of a passed motion under Art. 8 item 6. */
    public record ElectAuditor(@TargetAggregateIdentifier String auditors, MemberId auditor, int term, LocalDate from,
                               MotionId decidedBy) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ElectAuditor cmd) {
        Effects.checkAuditorSeat(seats.getOrDefault(cmd.term(), Set.of()), cmd.auditor()).ifPresent(violation -> {
            throw new SecondAuditor(violation);
        });
        apply(new AuditorElected(cmd.auditor(), cmd.auditor().countryPrefix(), cmd.term(), cmd.from(),
                cmd.decidedBy()));
    }

    /** A country already holds its auditor's seat in the term. */
    static class SecondAuditor extends Rejection {
        SecondAuditor(RuleViolation violation) {
            super(Reason.CONFLICT, "auditor-refused", "effect.auditor", violation.rule(), violation.article(),
                    violation.message());
        }
    }

    @EventSourcingHandler
    void on(AuditorElected e) {
        id = ID;
        seats.computeIfAbsent(e.term(), term -> new HashSet<>()).add(e.country());
    }
}
