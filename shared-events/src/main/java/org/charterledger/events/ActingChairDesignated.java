package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The chair's head could not serve, and the deputy of the same government acts as chair from a date; the office
 * holder does not change.
 */
@Revision("1")
public record ActingChairDesignated(int ordinal, MemberId government, String deputy, LocalDate from, String reason) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
