package org.charterledger.charter;

import org.charterledger.events.DuesRateChanged;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The yearly contribution of a member, by fiscal year: USD 1,000 at the start (Dues Regulation Art. 5(1)); the
 * General Assembly may change it from a fiscal year it names (Art. 5(3)).
 */
public final class DuesRates {

    public static final Money INITIAL = Money.of("1000", "USD");

    private final NavigableMap<FiscalYear, Money> fromYear;

    private DuesRates(NavigableMap<FiscalYear, Money> fromYear) {
        this.fromYear = fromYear;
    }

    /** The rate of the Dues Regulation as first adopted, with no change decided yet. */
    public static DuesRates initial() {
        return new DuesRates(new TreeMap<>(Map.of(FiscalYear.of(FiscalYear.FIRST), INITIAL)));
    }

    /** The rates after the recorded changes, in the order they were recorded: a later decision for a year prevails. */
    public static DuesRates fold(List<DuesRateChanged> changes) {
        DuesRates rates = initial();
        for (DuesRateChanged change : changes) {
            rates = rates.changedFrom(change.fromYear(), change.amount());
        }
        return rates;
    }

    /** These rates, with a change applying from {@code year} on. */
    public DuesRates changedFrom(FiscalYear year, Money amount) {
        NavigableMap<FiscalYear, Money> changed = new TreeMap<>(fromYear);
        changed.put(year, amount);
        return new DuesRates(changed);
    }

    /** What a member owes for {@code year}. */
    public Money rateFor(FiscalYear year) {
        return fromYear.floorEntry(year).getValue();
    }
}
