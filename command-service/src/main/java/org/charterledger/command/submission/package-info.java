/**
 * How a command enters the ledger: submitted once per idempotency key in one transaction with its events
 * ({@link org.charterledger.command.submission.IdempotentCommands}), on a stream of its own kind
 * ({@link org.charterledger.command.submission.StreamOwners}), answered with a receipt
 * ({@link org.charterledger.command.submission.Receipts}) or refused as a problem
 * ({@link org.charterledger.command.submission.Problems}): an unknown record, a reused or malformed key, input
 * outside what the ledger accepts, a ledger too busy to append.
 */
@ApplicationModule(allowedDependencies = {"config"})
package org.charterledger.command.submission;

import org.springframework.modulith.ApplicationModule;
