package org.charterledger.command.membership;

import org.charterledger.command.Rejection;

/** A withdrawal the record does not allow. */
public class WithdrawalRefused extends Rejection {

    WithdrawalRefused(Reason reason, String field, String rule, String message) {
        super(reason, "withdrawal-refused", field, rule, null, message);
    }
}
