package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The deputy no longer acts as chair: from {@code on}, the head of the chair's government serves again. */
@Revision("1")
public record ActingChairEnded(int ordinal, LocalDate on) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
