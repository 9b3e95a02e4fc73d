package org.charterledger.command.submission;

import org.charterledger.command.Rejection;

/** A command names a record the ledger does not hold. */
public class UnknownRecord extends Rejection {

    public UnknownRecord(String id) {
        this("id", id);
    }

    public UnknownRecord(String field, String id) {
        super(Reason.UNKNOWN, "unknown-record", field, "must-exist", null, "the ledger holds no record " + id);
    }
}
