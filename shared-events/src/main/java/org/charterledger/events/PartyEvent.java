package org.charterledger.events;

/** An event of one party's stream (keyed by its id): its admissions, departures and dues. */
public sealed interface PartyEvent extends LedgerEvent, BusinessDated
        permits MemberAdmitted, MemberWithdrew, MemberExpelled, DuesPaid, DuesPaymentReversed {

    /** The party whose stream holds the event. */
    MemberId member();
}
