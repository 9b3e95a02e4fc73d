package org.charterledger.command.submission;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Checks of request fields against today, from the injected clock: the ledger records facts, not plans. */
@Component
public class BusinessDates {

    private final Clock clock;

    BusinessDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate notInTheFuture(String field, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new InvalidInput(field, "not-in-the-future",
                    field + " " + date + " lies in the future; the ledger records what happened (today is " + today + ")");
        }
        return date;
    }

    /** A fiscal year from the first (1996) up to next year, the furthest a member may pay in advance. */
    public FiscalYear upToNextYear(String field, FiscalYear year) {
        int next = LocalDate.now(clock).getYear() + 1;
        if (year.value() > next) {
            throw new InvalidInput(field, "fiscal-year-range",
                    field + " must be a fiscal year from " + FiscalYear.FIRST + " to " + next);
        }
        return year;
    }

    public static Money positive(String field, Money money) {
        if (!money.isPositive()) {
            throw new InvalidInput(field + ".amount", "positive", field + ".amount must be more than zero");
        }
        return money;
    }
}
