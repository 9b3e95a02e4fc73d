package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A government became chair of the Association: the head of the host of the {@code ordinal}-th General Assembly
 * (Charter Art. 7(1)), from the close of the Assembly that elected it, or from the opening balance.
 *
 * @param ordinal         the chair's ordinal, that of the General Assembly it hosts (13th, 14th, ...)
 * @param holder          the government whose head holds the office
 * @param from            the first day of the term
 * @param electedBy       the motion that elected it, or {@code null} for a chair on the opening balance
 * @param electingMeeting the General Assembly that elected it, or {@code null} on the opening balance
 */
@Revision("1")
public record ChairTermBegan(int ordinal, MemberId holder, LocalDate from, MotionId electedBy,
                             MeetingId electingMeeting) implements OfficeEvent {

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
