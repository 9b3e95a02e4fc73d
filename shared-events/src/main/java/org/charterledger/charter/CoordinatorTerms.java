package org.charterledger.charter;

import java.time.LocalDate;

/**
 * The terms of subcommittee coordinators (Subcommittee Regulation Art. 5; CHARTER.md §6): two years, renewable;
 * a coordinator must hold at least one meeting or event in its term; one that has held none for two years or more
 * may be replaced by the Executive Committee.
 */
public final class CoordinatorTerms {

    /** A term lasts two years (Art. 5(1)). */
    public static final int TERM_YEARS = 2;
    /** The ledger flags a term ending within this many days as due for renewal. */
    public static final int RENEWAL_NOTICE_DAYS = 90;

    private CoordinatorTerms() {
    }

    /** The first day after a term that starts on {@code start}. */
    public static LocalDate termEnd(LocalDate start) {
        return start.plusYears(TERM_YEARS);
    }

    /** Whether a term ending on {@code termEnd} (exclusive) ends within the notice period after {@code date}. */
    public static boolean renewalDue(LocalDate termEnd, LocalDate date) {
        return !date.isAfter(termEnd) && !date.plusDays(RENEWAL_NOTICE_DAYS).isBefore(termEnd);
    }

    /**
     * Whether a coordinator may be replaced on {@code date} (Art. 5(7)): it has held no meeting or event for two
     * years or more, counting from its last activity or, when it has held none, from the start of its coordination.
     * <b>Reading:</b> "two years or more" is reached on the second anniversary of that day.
     */
    public static boolean replaceable(LocalDate lastActivityOrStart, LocalDate date) {
        return !date.isBefore(lastActivityOrStart.plusYears(TERM_YEARS));
    }
}
