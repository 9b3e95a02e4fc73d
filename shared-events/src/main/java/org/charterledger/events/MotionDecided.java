package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A motion was closed and decided: its outcome, the members counted as present, and the arithmetic it was derived
 * from, so that an auditor can check it by hand.
 */
@Revision("1")
public record MotionDecided(MotionId motion, Outcome outcome, List<MemberId> present, Tally tally,
                            LocalDate decidedOn) implements MotionEvent {

    public MotionDecided {
        present = List.copyOf(present);
    }

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
