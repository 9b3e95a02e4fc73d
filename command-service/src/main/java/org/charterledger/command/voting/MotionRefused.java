package org.charterledger.command.voting;

import org.charterledger.charter.Effects;
import org.charterledger.charter.RuleViolation;
import org.charterledger.command.Rejection;

/** A motion, vote or closure the charter or the record does not allow. */
public class MotionRefused extends Rejection {

    MotionRefused(Reason reason, String field, String rule, String article, String message) {
        super(reason, "motion-refused", field, rule, article, message);
    }

    MotionRefused(Effects.Refusal refusal) {
        this(switch (refusal.kind()) {
            case UNKNOWN -> Reason.UNKNOWN;
            case CONFLICT -> Reason.CONFLICT;
            case RULE -> Reason.RULE;
        }, refusal.field(), refusal.violation().rule(), refusal.violation().article(), refusal.violation().message());
    }

    MotionRefused(String field, RuleViolation violation) {
        this(Reason.RULE, field, violation.rule(), violation.article(), violation.message());
    }
}
