package org.charterledger.command.offices;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.submission.ReservedStreams;
import org.charterledger.command.offices.ChairCommands.BeginChairTerm;
import org.charterledger.command.offices.ChairCommands.DesignateActingChair;
import org.charterledger.command.offices.ChairCommands.EndActingChair;
import org.charterledger.command.offices.ChairCommands.EndChairTerm;
import org.charterledger.command.offices.ChairCommands.RecordChairOnOpeningBalance;
import org.charterledger.events.ActingChairDesignated;
import org.charterledger.events.ActingChairEnded;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.MemberId;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The chair of the Association, term after term (Charter Art. 7(1)): one term at a time, begun at the close of the
 * General Assembly that elected the host, ended at the close of the Assembly it hosts; acting periods of the
 * deputy do not change who holds the office.
 */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
@ReservedStreams(Chairmanship.ID)
public class Chairmanship {

    public static final String ID = "CHAIR";

    @AggregateIdentifier
    private String id;
    private Integer ordinal;
    private MemberId holder;
    private LocalDate from;
    private boolean acting;

    protected Chairmanship() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordChairOnOpeningBalance cmd) {
        if (id != null) {
            throw new ChairRefused(Reason.CONFLICT, "ordinal", "opening-balance-once",
                    "the chair's history already starts with the " + ordinal + "th chair");
        }
        apply(new ChairTermBegan(cmd.ordinal(), cmd.holder(), cmd.from(), null, null));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BeginChairTerm cmd) {
        if (holder != null) {
            throw new ChairRefused(Reason.CONFLICT, "ordinal", "one-chair-at-a-time", "the " + ordinal + "th chair ("
                    + holder + ") is still in office: its term ends when the Assembly it hosts closes");
        }
        apply(new ChairTermBegan(cmd.ordinal(), cmd.holder(), cmd.from(), cmd.electedBy(), cmd.electingMeeting()));
    }

    /** Ends the sitting chair's term if it hosted the Assembly that closed; any other Assembly changes nothing. */
    @CommandHandler
    void handle(EndChairTerm cmd) {
        if (holder == null || ordinal != cmd.hostedOrdinal()) {
            return;
        }
        if (acting) {
            apply(new ActingChairEnded(ordinal, cmd.until()));
        }
        apply(new ChairTermEnded(ordinal, holder, cmd.until(), cmd.hostedMeeting()));
    }

    @CommandHandler
    void handle(DesignateActingChair cmd) {
        requireChair();
        if (acting) {
            throw new ChairRefused(Reason.CONFLICT, "deputy", "one-acting-chair", "a deputy already acts as chair");
        }
        if (cmd.from().isBefore(from)) {
            throw new ChairRefused(Reason.RULE, "from", "within-the-term",
                    "the " + ordinal + "th chair's term began on " + from);
        }
        apply(new ActingChairDesignated(ordinal, holder, cmd.deputy(), cmd.from(), cmd.reason()));
    }

    @CommandHandler
    void handle(EndActingChair cmd) {
        requireChair();
        if (!acting) {
            throw new ChairRefused(Reason.CONFLICT, "on", "acting-chair-designated", "no deputy acts as chair");
        }
        apply(new ActingChairEnded(ordinal, cmd.on()));
    }

    private void requireChair() {
        if (holder == null) {
            throw new ChairRefused(Reason.CONFLICT, "deputy", "chair-in-office", "no chair is in office");
        }
    }

    @EventSourcingHandler
    void on(ChairTermBegan e) {
        id = ID;
        ordinal = e.ordinal();
        holder = e.holder();
        from = e.from();
    }

    @EventSourcingHandler
    void on(ChairTermEnded e) {
        holder = null;
    }

    @EventSourcingHandler
    void on(ActingChairDesignated e) {
        acting = true;
    }

    @EventSourcingHandler
    void on(ActingChairEnded e) {
        acting = false;
    }
}
