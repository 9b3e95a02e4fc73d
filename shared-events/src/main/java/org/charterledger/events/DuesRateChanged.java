package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.util.Objects;

/**
 * The General Assembly changed the yearly contribution of a member from a fiscal year on (Dues Regulation
 * Art. 5(3); a category A decision under Charter Art. 8 item 2).
 */
@Revision("1")
public record DuesRateChanged(Money amount, FiscalYear fromYear, MotionId decidedBy) implements DuesScheduleEvent {

    public DuesRateChanged {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fromYear, "fromYear");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
