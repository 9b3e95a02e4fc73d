package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The General Assembly elected an auditor, one per country, for the term of the chair it elected (Charter Art. 7(2),
 * Art. 8 item 6).
 *
 * @param term the ordinal of the chair's term the auditor serves with
 */
@Revision("1")
public record AuditorElected(MemberId auditor, CountryCode country, int term, LocalDate from, MotionId decidedBy) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
