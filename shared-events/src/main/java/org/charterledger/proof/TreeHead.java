package org.charterledger.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed tree head (RFC 9162 §4.10 in spirit): the size of the tree, its root hash and when it was issued, signed
 * with the ledger's Ed25519 key. What is signed is {@link #signed()}: a few lines of text an auditor can read, so a
 * head filed years ago can be checked with any Ed25519 implementation.
 *
 * @param treeSize  the leaves (stored events, in position order) the head covers
 * @param rootHash  MTH of those leaves
 * @param timestamp when the head was issued, milliseconds since the epoch
 * @param keyId     SHA-256 of the signing public key (X.509 SubjectPublicKeyInfo), hexadecimal
 * @param signature Ed25519 over {@link #signed()}
 */
public record TreeHead(long treeSize, byte[] rootHash, long timestamp, String keyId, byte[] signature) {

    /** The first line of what is signed: names the log and the form, so a signature is never taken for another. */
    public static final String ORIGIN = "charter-ledger tree head v1";
    public static final String ALGORITHM = "Ed25519";

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize is 0 or more");
        }
        if (rootHash == null || rootHash.length != TreeHash.LENGTH) {
            throw new IllegalArgumentException("rootHash is a SHA-256 hash of 32 bytes");
        }
    }

    /** A head signed with {@code key}, whose public half is {@code publicKey}. */
    public static TreeHead sign(long treeSize, byte[] rootHash, long timestamp, PrivateKey key, PublicKey publicKey) {
        String keyId = keyId(publicKey);
        try {
            Signature ed25519 = Signature.getInstance(ALGORITHM);
            ed25519.initSign(key);
            ed25519.update(text(treeSize, rootHash, timestamp, keyId));
            return new TreeHead(treeSize, rootHash, timestamp, keyId, ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tree head with the configured key", e);
        }
    }

    /** The bytes the signature covers. */
    public byte[] signed() {
        return text(treeSize, rootHash, timestamp, keyId);
    }

    private static byte[] text(long treeSize, byte[] rootHash, long timestamp, String keyId) {
        return (ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + timestamp
                + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code publicKey} signed this head. */
    public boolean signedBy(PublicKey publicKey) {
        if (signature == null || !keyId(publicKey).equals(keyId)) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance(ALGORITHM);
            ed25519.initVerify(publicKey);
            ed25519.update(signed());
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public Instant issuedAt() {
        return Instant.ofEpochMilli(timestamp);
    }

    /** The same head: same size, root, time, key and signature. */
    public boolean sameAs(TreeHead other) {
        return other != null && treeSize == other.treeSize && MessageDigest.isEqual(rootHash, other.rootHash)
                && timestamp == other.timestamp && keyId.equals(other.keyId)
                && MessageDigest.isEqual(signature, other.signature);
    }

    /** SHA-256 of the key's X.509 SubjectPublicKeyInfo encoding, hexadecimal: names a key in a head. */
    public static String keyId(PublicKey publicKey) {
        return HexFormat.of().formatHex(TreeHash.sha256().digest(publicKey.getEncoded()));
    }

    /** An Ed25519 public key from its X.509 SubjectPublicKeyInfo encoding, as the ledger publishes it. */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }
}
