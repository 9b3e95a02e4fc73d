package org.charterledger.proof;

import java.util.List;

/**
 * What makes a certificate prove itself: the events it rests on as stored, each with its inclusion proof in the tree
 * of a signed head, and (when the auditor named the head filed earlier) the proof that this head's tree extends the
 * filed one. Checked with this package alone: no access to the ledger.
 *
 * @param head        the signed head the proofs lead to
 * @param consistency from the head the auditor filed to {@code head}; none when no filed head was named
 * @param events      the events, in position order
 */
public record Evidence(PublishedHead head, Consistency consistency, List<EventProof> events) {

    /** An event row as stored, its leaf index, and its audit path (RFC 9162 §2.1.3) in the head's tree. */
    public record EventProof(long leafIndex, StoredRow row, List<byte[]> auditPath) {
    }

    /** A consistency proof (RFC 9162 §2.1.4) from a tree of {@code first} leaves to one of {@code second}. */
    public record Consistency(long first, long second, List<byte[]> proof) {
    }
}
