package org.charterledger.command.meetings;

import org.charterledger.command.Rejection;

/** A meeting command the record does not allow. */
public class MeetingRefused extends Rejection {

    MeetingRefused(Reason reason, String field, String rule, String message) {
        super(reason, "meeting-refused", field, rule, null, message);
    }
}
