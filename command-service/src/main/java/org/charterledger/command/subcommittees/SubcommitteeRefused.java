package org.charterledger.command.subcommittees;

import org.charterledger.command.Rejection;

/** A subcommittee command the Subcommittee Regulation or the record does not allow. */
public class SubcommitteeRefused extends Rejection {

    SubcommitteeRefused(Reason reason, String field, String rule, String article, String message) {
        super(reason, "subcommittee-refused", field, rule, article, message);
    }
}
