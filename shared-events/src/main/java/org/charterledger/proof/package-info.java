/**
 * Proofs over the ledger that anyone can check without the ledger: the canonical encoding of a stored event row, the
 * RFC 9162 Merkle tree over those rows (tree hashes, inclusion and consistency proofs and their verification), and
 * signed tree heads. Pure: no I/O, no framework; the query service and the offline verifier use the same code.
 */
package org.charterledger.proof;
