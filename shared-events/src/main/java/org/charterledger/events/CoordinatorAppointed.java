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
 * @param decidedBy the motion that decided it; {@code null} on the opening balance, or when recorded before
 *                  decisions named their motion (revision 1)
 * @param reference the decision's reference as such an earlier record gave it in words; {@code null} otherwise
 */
@Revision("2")
public record CoordinatorAppointed(int number, List<MemberId> coordinators, LocalDate termStart, LocalDate termEnd,
                                   boolean renewal, MotionId decidedBy, String reference) implements SubcommitteeEvent {

    public CoordinatorAppointed {
        coordinators = List.copyOf(coordinators);
    }

    @Override
    public LocalDate businessDate() {
        return termStart;
    }
}
