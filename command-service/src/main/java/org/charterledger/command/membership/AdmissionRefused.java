package org.charterledger.command.membership;

import org.charterledger.charter.RuleViolation;
import org.charterledger.command.Rejection;

/** An admission that a rule of the charter or of the register forbids. */
public class AdmissionRefused extends Rejection {

    public AdmissionRefused(String field, RuleViolation violation) {
        super(Reason.RULE, "admission-refused", field, violation.rule(), violation.article(), violation.message());
    }
}
