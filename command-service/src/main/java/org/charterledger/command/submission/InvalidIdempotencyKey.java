package org.charterledger.command.submission;

/** The Idempotency-Key header is empty, too long or not printable ASCII. */
class InvalidIdempotencyKey extends RuntimeException {

    InvalidIdempotencyKey() {
        super("the Idempotency-Key header must be 1 to " + IdempotentCommands.MAX_KEY_LENGTH
                + " printable ASCII characters, such as a UUID");
    }
}
