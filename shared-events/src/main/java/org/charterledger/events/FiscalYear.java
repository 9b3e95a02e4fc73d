package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A fiscal year of the Association: the calendar year, 1 January to 31 December (Dues Regulation Art. 3). The
 * first is 1996, the year the Charter was signed.
 */
public record FiscalYear(@JsonValue int value) implements Comparable<FiscalYear> {

    public static final int FIRST = 1996;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FiscalYear {
        if (value < FIRST || value > 9999) {
            throw new IllegalArgumentException("must be a fiscal year from " + FIRST + " on");
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    public FiscalYear next() {
        return new FiscalYear(value + 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
