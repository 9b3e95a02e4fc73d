package org.charterledger.command.offices;

import org.charterledger.command.Rejection;

/** A change of the chair the record does not allow. */
public class ChairRefused extends Rejection {

    ChairRefused(Reason reason, String field, String rule, String message) {
        super(reason, "chair-refused", field, rule, "Charter Art. 7(1)", message);
    }
}
