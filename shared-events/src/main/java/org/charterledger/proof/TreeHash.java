package org.charterledger.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 (§2.1.1): SHA-256, a leaf hashed after a 0x00 byte and an interior node after a 0x01 byte,
 * so that a leaf can never be passed off as a node or the other way round.
 */
public final class TreeHash {

    /** The length of every hash, in bytes. */
    public static final int LENGTH = 32;

    private TreeHash() {
    }

    /** MTH({}) = SHA-256(): the root of the empty tree. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        sha256.update(data);
        return sha256.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
