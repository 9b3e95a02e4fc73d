package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A subcommittee held a meeting or an Association event (Subcommittee Regulation Art. 5(4)).
 *
 * @param ordinal the meeting's ordinal, where it has one (the 18th meeting), else {@code null}
 * @param form    how it was held: at a venue, online, materials sent instead of a sitting
 */
@Revision("1")
public record SubcommitteeActivityRecorded(int number, Integer ordinal, LocalDate firstDay, LocalDate lastDay,
                                           MemberId host, String form) implements SubcommitteeEvent {

    @Override
    public LocalDate businessDate() {
        return firstDay;
    }
}
