package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member paid (all or part of) its contribution for one fiscal year.
 *
 * @param member    the member that paid
 * @param payment   the ledger's id of this payment
 * @param year      the fiscal year the payment settles
 * @param paid      the amount and currency as paid (usually KRW, the Secretariat's currency)
 * @param credited  the value credited against the year's dues, in the currency the dues are set in
 * @param paidOn    the business date of the payment
 * @param reference the payer's or the bank's reference, such as a transfer number
 */
@Revision("1")
public record DuesPaid(MemberId member, PaymentId payment, FiscalYear year, Money paid, Money credited,
                       LocalDate paidOn, String reference) implements PartyEvent {

    public DuesPaid {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(paidOn, "paidOn");
    }

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
