package org.charterledger.command.membership;

import org.charterledger.command.Rejection;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;

/** The id is already on the register; an id is admitted once and keeps its history. */
public class AlreadyAdmitted extends Rejection {

    public AlreadyAdmitted(MemberId member, PartyCategory category) {
        super(Reason.CONFLICT, "already-admitted", "id", "admitted-once", null,
                member + " is already on the register as " + category);
    }
}
