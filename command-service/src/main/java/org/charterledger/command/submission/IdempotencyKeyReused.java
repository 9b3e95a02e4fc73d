package org.charterledger.command.submission;

import org.charterledger.command.Rejection;

/** The same idempotency key was sent before with another request. */
class IdempotencyKeyReused extends Rejection {

    IdempotencyKeyReused(String key) {
        super(Reason.RULE, "idempotency-key-reused", IdempotentCommands.HEADER, "one-request-per-key", null,
                "the Idempotency-Key '" + key + "' was already used for a different request;"
                        + " send a new key for a new request");
    }
}
