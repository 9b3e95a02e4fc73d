package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Member governments became coordinators of a subcommittee (one, or several co-coordinating) for a two-year
 * term, renewable (Subcommittee Regulation Art. 5(1), 5(2)).
 *
 * @param termEnd   the first day after the term
 * @param renewal   whether this term renews the one before it for the same coordinators
 * @param decidedBy the decision's reference, or {@code null} on the opening balance
 */
@Revision("1")
public record CoordinatorAppointed(int number, List<MemberId> coordinators, LocalDate termStart, LocalDate termEnd,
                                   boolean renewal, String decidedBy) {

    public CoordinatorAppointed {
        coordinators = List.copyOf(coordinators);
    }
}
