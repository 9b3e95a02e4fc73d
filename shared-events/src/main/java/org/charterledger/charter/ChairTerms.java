package org.charterledger.charter;

import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is chair of the Association on a date (Charter Art. 7(1); CHARTER.md §5). The head of the government hosting
 * the n-th General Assembly is the n-th chair; the General Assembly elects the next host, whose term starts when
 * the electing Assembly ends and ends on the last day of the Assembly it hosts. A delayed Assembly therefore
 * extends the sitting chair's term: a term's end is a fact only once the Assembly it hosts has closed.
 * <p>
 * <b>Reading:</b> the chair passes at the close of a General Assembly, on its last day: on that day the ledger
 * names the incoming chair, and the outgoing term ends ({@code until}, exclusive) on it.
 */
public final class ChairTerms {

    private ChairTerms() {
    }

    /**
     * One term of the chair.
     *
     * @param until the last day of the Assembly the chair hosted, once it has closed; {@code null} while in office
     */
    public record Term(int ordinal, MemberId holder, LocalDate from, LocalDate until, MotionId electedBy) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    /** The term in force on {@code date}, if the ledger records one. */
    public static Optional<Term> on(List<Term> terms, LocalDate date) {
        return terms.stream().filter(t -> t.covers(date)).max(Comparator.comparing(Term::from));
    }

    /** The ordinal of the chair elected at the {@code electingAssembly}-th General Assembly: the host of the next. */
    public static int electedOrdinal(int electingAssembly) {
        return electingAssembly + 1;
    }
}
