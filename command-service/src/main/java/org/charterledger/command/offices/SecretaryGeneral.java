package org.charterledger.command.offices;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.command.Rejection;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.command.submission.ReservedStreams;
import org.charterledger.events.MemberId;
import org.charterledger.events.SecretaryGeneralAppointed;
import org.charterledger.events.SecretaryGeneralLeftOffice;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The office of Secretary-General (Charter Art. 13): one holder at a time. */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
@ReservedStreams(SecretaryGeneral.ID)
public class SecretaryGeneral {

    public static final String ID = "SECRETARY-GENERAL";

    @AggregateIdentifier
    private String id;
    private String holder;
    private LocalDate from;

    protected SecretaryGeneral() {
        // for Axon
    }

    public record RecordSecretaryGeneralOnOpeningBalance(@TargetAggregateIdentifier String office, String name,
                                                         LocalDate from) {
    }

    /**
     * {@code secretariatHost}: the government hosting the Secretariat; {@code chair}: the chair's government on
     * {@code from}, if the ledger records one.
     */
    public record AppointSecretaryGeneral(@TargetAggregateIdentifier String office, String name, MemberId proposedBy,
                                          MemberId appointedBy, LocalDate from, MemberId secretariatHost,
                                          MemberId chair) {
    }

    public record EndSecretaryGeneralTerm(@TargetAggregateIdentifier String office, LocalDate on) {
    }

    /** An appointment the Charter or the record does not allow. */
    static class Refused extends Rejection {
        Refused(Reason reason, String field, String rule, String message) {
            super(reason, "secretary-general-refused", field, rule, "Charter Art. 13", message);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSecretaryGeneralOnOpeningBalance cmd) {
        refuseWhileInOffice();
        apply(new SecretaryGeneralAppointed(cmd.name(), null, null, cmd.from()));
    }

    /** Appointed by the chair on the proposal of the Secretariat's host government (Charter Art. 13). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AppointSecretaryGeneral cmd) {
        refuseWhileInOffice();
        if (!cmd.proposedBy().equals(cmd.secretariatHost())) {
            throw new Refused(Rejection.Reason.RULE, "proposedBy", "proposed-by-secretariat-host",
                    "the Secretary-General is proposed by " + cmd.secretariatHost() + ", the Secretariat's host");
        }
        if (!cmd.appointedBy().equals(cmd.chair())) {
            throw new Refused(Rejection.Reason.RULE, "appointedBy", "appointed-by-the-chair",
                    "the Secretary-General is appointed by the chair"
                            + (cmd.chair() == null ? ", and the ledger records none on " + cmd.from()
                            : ", " + cmd.chair() + " on " + cmd.from()));
        }
        apply(new SecretaryGeneralAppointed(cmd.name(), cmd.proposedBy(), cmd.appointedBy(), cmd.from()));
    }

    @CommandHandler
    void handle(EndSecretaryGeneralTerm cmd) {
        if (holder == null) {
            throw new Refused(Rejection.Reason.CONFLICT, "on", "in-office", "no Secretary-General is in office");
        }
        if (!cmd.on().isAfter(from)) {
            throw new Refused(Rejection.Reason.RULE, "on", "after-appointment",
                    holder + " took office on " + from);
        }
        apply(new SecretaryGeneralLeftOffice(holder, cmd.on()));
    }

    private void refuseWhileInOffice() {
        if (holder != null) {
            throw new Refused(Rejection.Reason.CONFLICT, "name", "one-at-a-time",
                    holder + " is Secretary-General; record the end of that term first");
        }
    }

    @EventSourcingHandler
    void on(SecretaryGeneralAppointed e) {
        id = ID;
        holder = e.name();
        from = e.from();
    }

    @EventSourcingHandler
    void on(SecretaryGeneralLeftOffice e) {
        holder = null;
    }
}
