package org.charterledger.charter;

import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger records of one party that the charter rules read: its periods in each category and its dues
 * payments. Folded from the party's events in the same way on both sides of the ledger.
 */
public record PartyFacts(List<MembershipPeriod> periods, List<Payment> payments) {

    public PartyFacts {
        periods = List.copyOf(periods);
        payments = List.copyOf(payments);
    }

    public static PartyFacts none() {
        return new PartyFacts(List.of(), List.of());
    }

    /** An admission opens a period in the new category and closes the one before it, if any. */
    public PartyFacts with(MemberAdmitted e) {
        List<MembershipPeriod> next = closeOpenPeriod(e.admittedOn());
        next.add(new MembershipPeriod(e.category(), e.admittedOn(), null,
                e.basis() == AdmissionBasis.OPENING_BALANCE));
        return new PartyFacts(next, payments);
    }

    public PartyFacts with(MemberWithdrew e) {
        return new PartyFacts(closeOpenPeriod(e.withdrewOn()), payments);
    }

    public PartyFacts with(MemberExpelled e) {
        return new PartyFacts(closeOpenPeriod(e.expelledOn()), payments);
    }

    public PartyFacts with(DuesPaid e) {
        return withPayment(new Payment(e.payment(), e.year(), e.credited(), e.paidOn(), null));
    }

    PartyFacts withPayment(Payment payment) {
        List<Payment> next = new ArrayList<>(payments);
        next.add(payment);
        return new PartyFacts(periods, next);
    }

    public PartyFacts with(DuesPaymentReversed e) {
        return new PartyFacts(periods, payments.stream()
                .map(p -> p.id().equals(e.payment()) ? p.reversed(e.reversedOn()) : p)
                .toList());
    }

    /** The category the party is in on {@code date}, if it is a party then. */
    public Optional<PartyCategory> categoryOn(LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).map(MembershipPeriod::category).findFirst();
    }

    /** The period still open, if the party has not left. */
    public Optional<MembershipPeriod> current() {
        return periods.stream().filter(p -> p.until() == null).findFirst();
    }

    public Optional<Payment> payment(PaymentId id) {
        return payments.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private List<MembershipPeriod> closeOpenPeriod(LocalDate on) {
        return new ArrayList<>(periods.stream().map(p -> p.until() == null ? p.endingOn(on) : p).toList());
    }
}
