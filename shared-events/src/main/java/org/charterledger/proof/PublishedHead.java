package org.charterledger.proof;

import java.security.PublicKey;

/**
 * A signed tree head as the ledger publishes it, an auditor files it and a witness keeps it: the head, and the public
 * key (X.509 SubjectPublicKeyInfo) whose holder signed it. Byte fields travel as base64 in JSON.
 *
 * @param issuedAt the timestamp again, as an ISO-8601 instant, for a reader
 */
public record PublishedHead(long treeSize, byte[] rootHash, long timestamp, String keyId, byte[] signature,
                            String issuedAt, byte[] publicKey) {

    public static PublishedHead of(TreeHead head, PublicKey key) {
        return new PublishedHead(head.treeSize(), head.rootHash(), head.timestamp(), head.keyId(),
                head.signature(), head.issuedAt().toString(), key.getEncoded());
    }

    public TreeHead head() {
        return new TreeHead(treeSize, rootHash, timestamp, keyId, signature);
    }

    /** The key this head names; whether it is the key to trust is for the one who filed it to say. */
    public PublicKey key() {
        return TreeHead.publicKey(publicKey);
    }
}
