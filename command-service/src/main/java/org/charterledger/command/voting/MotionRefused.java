package org.charterledger.command.voting;

import org.charterledger.charter.RuleViolation;
import org.charterledger.command.Rejection;

/** A motion, vote or closure the charter or the record does not allow. */
public class MotionRefused extends Rejection {

    MotionRefused(Reason reason, String field, String rule, String article, String message) {
        super(reason, "motion-refused", field, rule, article, message);
    }

    MotionRefused(String field, RuleViolation violation) {
        this(Reason.RULE, field, violation.rule(), violation.article(), violation.message());
    }
}
