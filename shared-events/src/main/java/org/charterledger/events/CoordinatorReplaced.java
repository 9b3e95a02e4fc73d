package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The Executive Committee replaced a coordinator that had held no meeting or event for two years or more
 * (Subcommittee Regulation Art. 5(7), 5(8)); the new coordinator starts a two-year term.
 */
@Revision("1")
public record CoordinatorReplaced(int number, MemberId outgoing, MemberId incoming, LocalDate from, LocalDate termEnd,
                                  MotionId decidedBy) implements SubcommitteeEvent {

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
