package org.charterledger.charter;

import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger records of one party that the charter rules read: its periods in each category and its dues
 * payments (CHARTER.md §1, §2). Folded from the party's events by one function, {@link #then}, wherever they are
 * folded: the {@code Member} aggregate and the command side's store of every party's facts.
 * <ul>
 *   <li>An admission opens a period in its category and closes the one before it (an observer admitted as a member
 *       keeps its id and history); a period recorded by the opening balance is marked so (its first assessed
 *       year is its own, Dues Regulation Art. 5(2)).</li>
 *   <li>A withdrawal or an expulsion closes the open period: the party keeps its history and is on no later
 *       roll.</li>
 *   <li>A payment is added as recorded; a reversal marks the payment it names reversed from its date, and the
 *       payment stays in the history.</li>
 * </ul>
 */
public record PartyFacts(List<MembershipPeriod> periods, List<Payment> payments) {

    public PartyFacts {
        periods = List.copyOf(periods);
        payments = List.copyOf(payments);
    }

    public static PartyFacts none() {
        return new PartyFacts(List.of(), List.of());
    }

    /** The facts of a party's events, in the order of its stream. */
    public static PartyFacts fold(List<? extends PartyEvent> events) {
        PartyFacts facts = none();
        for (PartyEvent event : events) {
            facts = facts.then(event);
        }
        return facts;
    }

    /** These facts, and then {@code event}. */
    public PartyFacts then(PartyEvent event) {
        if (event instanceof MemberAdmitted e) {
            return with(e);
        } else if (event instanceof MemberWithdrew e) {
            return new PartyFacts(closeOpenPeriod(e.withdrewOn()), payments);
        } else if (event instanceof MemberExpelled e) {
            return new PartyFacts(closeOpenPeriod(e.expelledOn()), payments);
        } else if (event instanceof DuesPaid e) {
            return withPayment(new Payment(e.payment(), e.year(), e.credited(), e.paidOn(), null));
        } else if (event instanceof DuesPaymentReversed e) {
            return new PartyFacts(periods, payments.stream()
                    .map(p -> p.id().equals(e.payment()) ? p.reversed(e.reversedOn()) : p)
                    .toList());
        }
        throw new IllegalArgumentException("not an event of a party: " + event);
    }

    private PartyFacts with(MemberAdmitted e) {
        List<MembershipPeriod> next = closeOpenPeriod(e.admittedOn());
        next.add(new MembershipPeriod(e.category(), e.admittedOn(), null,
                e.basis() == AdmissionBasis.OPENING_BALANCE));
        return new PartyFacts(next, payments);
    }

    PartyFacts withPayment(Payment payment) {
        List<Payment> next = new ArrayList<>(payments);
        next.add(payment);
        return new PartyFacts(periods, next);
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
