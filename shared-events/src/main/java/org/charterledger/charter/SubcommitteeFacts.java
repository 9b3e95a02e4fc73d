package org.charterledger.charter;

import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.charterledger.events.SubcommitteeEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger records of one subcommittee that the Subcommittee Regulation reads, folded from its events in
 * the same way wherever it is needed.
 *
 * @param coordinatingSince the day the sitting coordinators started coordinating (a renewal does not change it)
 * @param termEnd           the first day after their current term
 * @param lastActivity      the last day of its latest meeting or event, or {@code null} when it has held none
 */
public record SubcommitteeFacts(int number, boolean abolished, List<MemberId> coordinators,
                                LocalDate coordinatingSince, LocalDate termEnd, LocalDate lastActivity) {

    public SubcommitteeFacts {
        coordinators = List.copyOf(coordinators);
    }

    /** The facts of a subcommittee's events in order, or {@code null} when it was never established. */
    public static SubcommitteeFacts fold(List<? extends SubcommitteeEvent> events) {
        SubcommitteeFacts facts = null;
        for (SubcommitteeEvent event : events) {
            facts = next(facts, event);
        }
        return facts;
    }

    /** {@code facts} ({@code null} before its establishment), and then {@code event}. */
    public static SubcommitteeFacts next(SubcommitteeFacts facts, SubcommitteeEvent event) {
        if (event instanceof SubcommitteeEstablished e) {
            return of(e);
        } else if (event instanceof SubcommitteeAbolished e) {
            return facts.with(e);
        } else if (event instanceof CoordinatorAppointed e) {
            return facts.with(e);
        } else if (event instanceof CoordinatorReplaced e) {
            return facts.with(e);
        } else if (event instanceof SubcommitteeActivityRecorded e) {
            return facts.with(e);
        }
        throw new IllegalArgumentException("not an event of a subcommittee: " + event);
    }

    public static SubcommitteeFacts of(SubcommitteeEstablished e) {
        return new SubcommitteeFacts(e.number(), false, List.of(), null, null, null);
    }

    public SubcommitteeFacts with(SubcommitteeAbolished e) {
        return new SubcommitteeFacts(number, true, coordinators, coordinatingSince, termEnd, lastActivity);
    }

    public SubcommitteeFacts with(CoordinatorAppointed e) {
        return new SubcommitteeFacts(number, abolished, e.coordinators(),
                e.renewal() ? coordinatingSince : e.termStart(), e.termEnd(), lastActivity);
    }

    public SubcommitteeFacts with(CoordinatorReplaced e) {
        List<MemberId> next = new ArrayList<>(coordinators);
        next.set(next.indexOf(e.outgoing()), e.incoming());
        return new SubcommitteeFacts(number, abolished, next, e.from(), e.termEnd(), lastActivity);
    }

    public SubcommitteeFacts with(SubcommitteeActivityRecorded e) {
        LocalDate last = lastActivity == null || e.lastDay().isAfter(lastActivity) ? e.lastDay() : lastActivity;
        return new SubcommitteeFacts(number, abolished, coordinators, coordinatingSince, termEnd, last);
    }

    /** The day inactivity is counted from: the latest activity, or the start of the coordination if later. */
    public LocalDate inactiveSince() {
        return lastActivity != null && lastActivity.isAfter(coordinatingSince) ? lastActivity : coordinatingSince;
    }

    /** Whether its coordinators may be replaced on {@code date} (Subcommittee Regulation Art. 5(7)). */
    public boolean replaceableOn(LocalDate date) {
        return !coordinators.isEmpty() && CoordinatorTerms.replaceable(inactiveSince(), date);
    }

    /** Whether the current term ends within the renewal notice after {@code date}. */
    public boolean renewalDueOn(LocalDate date) {
        return termEnd != null && CoordinatorTerms.renewalDue(termEnd, date);
    }
}
