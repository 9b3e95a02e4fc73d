package org.charterledger.command.submission;

/** Concurrent appends to the same stream kept colliding after every retry. */
class LedgerBusy extends RuntimeException {

    LedgerBusy(Throwable lastFailure) {
        super("the ledger is busy with concurrent changes to the same record; retry with the same Idempotency-Key",
                lastFailure);
    }
}
