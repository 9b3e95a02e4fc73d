package org.charterledger.events;

/** An event of one subcommittee's stream ({@link SubcommitteeId#stream()}): set up, coordinated, active, abolished. */
public sealed interface SubcommitteeEvent extends LedgerEvent, BusinessDated
        permits SubcommitteeEstablished, SubcommitteeAbolished, CoordinatorAppointed, CoordinatorReplaced,
        SubcommitteeActivityRecorded {

    /** The subcommittee's number, as stored. */
    int number();

    default SubcommitteeId subcommittee() {
        return SubcommitteeId.of(number());
    }
}
