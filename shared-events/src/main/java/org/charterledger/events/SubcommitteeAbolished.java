package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A subcommittee was abolished (Subcommittee Regulation Art. 2); its history stays.
 *
 * @param decidedBy the motion that decided it, when the decision was cited by its motion's id; {@code null} otherwise
 * @param reference the decision's reference in words, when it was not cited by a motion's id (and for every
 *                  abolition recorded before decisions named their motion, revision 1); {@code null} otherwise
 */
@Revision("2")
public record SubcommitteeAbolished(int number, LocalDate abolishedOn, MotionId decidedBy, String reference)
        implements SubcommitteeEvent {

    /** An abolition citing {@code decision}: by its motion when it is a motion's id, else in its words. */
    public static SubcommitteeAbolished citing(int number, LocalDate abolishedOn, String decision) {
        MotionId motion = MotionId.parse(decision).orElse(null);
        return new SubcommitteeAbolished(number, abolishedOn, motion, motion == null ? decision : null);
    }

    @Override
    public LocalDate businessDate() {
        return abolishedOn;
    }
}
