package org.charterledger.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a value may be to enter the permanent record, in one place for both services: a date the rules can reason
 * about, text every view can store, an amount every view can hold. A request carrying anything else is refused at
 * the boundary, naming the field and the rule, so it never becomes an event that a view cannot take.
 *
 * <ul>
 *   <li><b>Dates</b> from {@link #EARLIEST_DATE} (1990-01-01: before the Charter was signed in 1996, so that an
 *       opening balance can date a party's history, and no later fact can be older) to {@link #LATEST_DATE}
 *       (2200-12-31: the rules' horizon; no term, fiscal year or restriction is reasoned about beyond it). Both for
 *       the dates of commands and for the {@code asOf} of queries.</li>
 *   <li><b>Text</b> free of control characters (NUL, line breaks, escapes: PostgreSQL refuses NUL in text, and a
 *       name or reference is one line) and of unpaired surrogates (not text at all), and at most
 *       {@link #MAX_TEXT_LENGTH} characters, the longest text column of any view; each field is bounded further
 *       by its own column.</li>
 *   <li><b>Amounts</b> with at most {@link #MAX_INTEGER_DIGITS} digits before the decimal point and
 *       {@link #MAX_SCALE} after it: the views hold amounts as {@code NUMERIC(19, 4)}. {@link Money} further allows
 *       no more decimals than its currency has.</li>
 *   <li><b>Lists</b> of parties at most {@link #MAX_PARTIES} long: more than the Association could ever seat.</li>
 * </ul>
 */
public final class LedgerBounds {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);
    public static final int MAX_TEXT_LENGTH = 1000;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 4;
    public static final int MAX_PARTIES = 200;

    private LedgerBounds() {
    }

    /** A value outside the bounds; {@link #rule()} names the bound, the message says what is accepted. */
    public static final class OutOfBounds extends IllegalArgumentException {

        private final String rule;

        OutOfBounds(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** The date, if the ledger can reason about it. */
    public static LocalDate date(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new OutOfBounds("date-range", "must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        return date;
    }

    /** The fiscal year, if it lies within the dates the ledger reasons about. */
    public static FiscalYear year(FiscalYear year) {
        if (year.value() > LATEST_DATE.getYear()) {
            throw new OutOfBounds("date-range",
                    "must be a fiscal year from " + FiscalYear.FIRST + " to " + LATEST_DATE.getYear());
        }
        return year;
    }

    /** The text, if every view can store it. */
    public static String text(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new OutOfBounds("length", "must be at most " + MAX_TEXT_LENGTH + " characters long");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new OutOfBounds("no-control-characters", "must not contain control characters such as NUL"
                        + " or a line break (found U+%04X at %d)".formatted((int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new OutOfBounds("no-control-characters", "must be text: an unpaired surrogate at " + i);
            }
        }
        return text;
    }

    /**
     * The amount, if every view can hold it. Checked before the amount is scaled to its currency, so that an
     * exponent such as {@code 1E+999999999} is refused before it is expanded.
     */
    public static BigDecimal amount(BigDecimal amount) {
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new OutOfBounds("amount-range",
                    "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new OutOfBounds("amount-range", "must have at most " + MAX_SCALE + " decimals");
        }
        return amount;
    }
}
