package org.charterledger.command.membership;

import org.charterledger.command.Rejection;

/** A dues payment or reversal that the Dues Regulation or the record does not allow. */
public class DuesRefused extends Rejection {

    DuesRefused(Reason reason, String field, String rule, String article, String message) {
        super(reason, "dues-refused", field, rule, article, message);
    }
}
