package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The Executive Committee set up a subcommittee for a field (Charter Art. 11(4); Subcommittee Regulation Art. 2).
 *
 * @param decidedBy the motion that decided it; {@code null} on the opening balance, or when recorded before
 *                  decisions named their motion (revision 1)
 * @param reference the decision's reference as such an earlier record gave it in words; {@code null} otherwise
 */
@Revision("2")
public record SubcommitteeEstablished(int number, String name, String field, LocalDate founded, MotionId decidedBy,
                                      String reference) implements SubcommitteeEvent {

    @Override
    public LocalDate businessDate() {
        return founded;
    }
}
