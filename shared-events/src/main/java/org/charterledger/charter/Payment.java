package org.charterledger.charter;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dues payment as the rule sees it: the year it settles, the value credited and when; and, once reversed,
 * from when it no longer counts.
 */
public record Payment(PaymentId id, FiscalYear year, Money credited, LocalDate paidOn, LocalDate reversedOn) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(paidOn, "paidOn");
    }

    /** Whether the payment counts on {@code date}: made on or before it, and not reversed on or before it. */
    public boolean countsOn(LocalDate date) {
        return !paidOn.isAfter(date) && (reversedOn == null || reversedOn.isAfter(date));
    }

    Payment reversed(LocalDate on) {
        return new Payment(id, year, credited, paidOn, on);
    }
}
