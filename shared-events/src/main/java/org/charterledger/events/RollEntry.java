package org.charterledger.events;

import java.util.List;

/** A member on a motion's voter roll, with its dues standing on the roll's date. */
public record RollEntry(MemberId member, List<FiscalYear> yearsInArrears) {

    public RollEntry {
        yearsInArrears = List.copyOf(yearsInArrears);
    }
}
