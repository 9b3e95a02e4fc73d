package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A Secretary-General took office: appointed by the chair on the proposal of the government hosting the Secretariat
 * (Charter Art. 13). On the opening balance neither is recorded ({@code null}).
 */
@Revision("1")
public record SecretaryGeneralAppointed(String name, MemberId proposedBy, MemberId appointedBy, LocalDate from) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
