package org.charterledger.charter;

import org.charterledger.events.PartyCategory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of time in which a government was a party in one category.
 *
 * @param category       member, associate or observer
 * @param from           the first day in the category
 * @param until          the first day no longer in it (it left, or changed category), or {@code null} while it lasts
 * @param openingBalance whether the span starts with the ledger's opening balance rather than with an admission
 */
public record MembershipPeriod(PartyCategory category, LocalDate from, LocalDate until, boolean openingBalance) {

    public MembershipPeriod {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end before it starts");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || date.isBefore(until));
    }

    MembershipPeriod endingOn(LocalDate day) {
        return new MembershipPeriod(category, from, day, openingBalance);
    }
}
