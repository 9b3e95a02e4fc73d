package org.charterledger.events;

import java.time.LocalDate;

/**
 * An event that takes effect on a business date (CHARTER.md §7), which may lie in the past when history is imported
 * and is apart from the moment the event was recorded. An event without one (attendance, a rate change that applies
 * from a fiscal year) does not implement this.
 */
public interface BusinessDated {

    /** The day the fact takes effect. */
    LocalDate businessDate();
}
