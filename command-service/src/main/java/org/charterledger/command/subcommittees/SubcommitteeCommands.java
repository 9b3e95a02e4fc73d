package org.charterledger.command.subcommittees;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.SubcommitteeId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The commands of a subcommittee, whose stream is {@code SC-<number>}. */
public final class SubcommitteeCommands {

    private SubcommitteeCommands() {
    }

    public static String streamOf(int number) {
        return SubcommitteeId.of(number).stream();
    }

    /**
     * Sent by the effects of a passed motion (citing it), or by the import of an opening balance
     * ({@code decidedBy} {@code null}).
     */
    public record EstablishSubcommittee(@TargetAggregateIdentifier String subcommittee, int number, String name,
                                        String field, LocalDate founded, MotionId decidedBy) {
    }

    /** {@code decidedBy}: the decision as the client cites it, a motion's id or words. */
    public record AbolishSubcommittee(@TargetAggregateIdentifier String subcommittee, LocalDate on, String decidedBy) {
    }

    /**
     * {@code categories}: each proposed coordinator's category on {@code start} (absent: not a party then). Sent by
     * the effects of a passed motion (citing it), or by the import of an opening balance ({@code decidedBy}
     * {@code null}).
     */
    public record AppointCoordinator(@TargetAggregateIdentifier String subcommittee, List<MemberId> coordinators,
                                     LocalDate start, MotionId decidedBy, Map<MemberId, PartyCategory> categories) {
    }

    /** The same coordinators for the next two-year term, from the end of the current one; sent by the effects. */
    public record RenewCoordinator(@TargetAggregateIdentifier String subcommittee, MotionId decidedBy) {
    }

    public record RecordSubcommitteeActivity(@TargetAggregateIdentifier String subcommittee, Integer ordinal,
                                             LocalDate firstDay, LocalDate lastDay, MemberId host, String form) {
    }

    /** Sent only by the effects of a passed coordinator-replacement motion. */
    public record ReplaceCoordinator(@TargetAggregateIdentifier String subcommittee, MemberId outgoing,
                                     MemberId incoming, LocalDate from, MotionId decidedBy) {
    }
}
