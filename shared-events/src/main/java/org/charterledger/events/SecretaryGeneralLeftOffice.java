package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The Secretary-General left office; {@code on} is the first day out of it. */
@Revision("1")
public record SecretaryGeneralLeftOffice(String name, LocalDate on) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
