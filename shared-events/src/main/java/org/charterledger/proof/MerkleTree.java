package org.charterledger.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (§2.1) over a log of n leaves, computed from the hashes of its perfect subtrees: a
 * perfect subtree is 2^level leaves starting at a multiple of 2^level, its hash never changes once its last leaf is
 * in, so a store keeps each one once (as Certificate Transparency logs do) and answers any tree hash, inclusion path
 * or consistency proof with O(log n) of them. The verifications need no store: the proof, the sizes and the hashes.
 */
public final class MerkleTree {

    /** Where the hashes of complete perfect subtrees are read: level 0 is the leaf hashes. */
    @FunctionalInterface
    public interface Nodes {
        /** The hash of leaves [index·2^level, (index+1)·2^level), every one of them already in the tree. */
        byte[] perfect(int level, long index);
    }

    private MerkleTree() {
    }

    /** MTH(D[n]), the tree head's root hash for the first {@code size} leaves. */
    public static byte[] root(long size, Nodes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is 0 or more");
        }
        return size == 0 ? TreeHash.empty() : range(0, size, nodes);
    }

    /** PATH(m, D[n]) (RFC 9162 §2.1.3.1): the audit path of leaf {@code leaf} in the tree of {@code size} leaves. */
    public static List<byte[]> inclusion(long leaf, long size, Nodes nodes) {
        if (leaf < 0 || leaf >= size) {
            throw new IllegalArgumentException("leaf " + leaf + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leaf, 0, size, nodes, path);
        return path;
    }

    private static void path(long leaf, long start, long size, Nodes nodes, List<byte[]> path) {
        if (size == 1) {
            return;
        }
        long k = split(size);
        if (leaf < k) {
            path(leaf, start, k, nodes, path);
            path.add(range(start + k, size - k, nodes));
        } else {
            path(leaf - k, start + k, size - k, nodes, path);
            path.add(range(start, k, nodes));
        }
    }

    /**
     * PROOF(m, D[n]) (RFC 9162 §2.1.4.1): that the tree of {@code second} leaves extends the tree of {@code first}
     * leaves. Empty when the sizes are equal or the first tree is empty.
     */
    public static List<byte[]> consistency(long first, long second, Nodes nodes) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("a tree of " + first + " is not a prefix of a tree of " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, nodes, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean whole, Nodes nodes, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(range(start, n, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, k, whole, nodes, proof);
            proof.add(range(start + k, n - k, nodes));
        } else {
            subproof(m - k, start + k, n - k, false, nodes, proof);
            proof.add(range(start, k, nodes));
        }
    }

    /**
     * MTH(D[start:start+size]) for a range the recursion of RFC 9162 produces: {@code start} is a multiple of the
     * largest power of two below {@code size} (or of {@code size} itself), so the range is a perfect subtree or a
     * perfect left subtree beside a smaller such range.
     */
    static byte[] range(long start, long size, Nodes nodes) {
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.perfect(level, start >>> level);
        }
        long k = split(size);
        return TreeHash.node(range(start, k, nodes), range(start + k, size - k, nodes));
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The perfect subtrees that leaf {@code index} completes, lowest first: appending a leaf at an odd index completes
     * its parent, and so on up while the node completed is a right child. {@code nodes} gives the left siblings,
     * which are complete already; {@code leafHash} is the new leaf's.
     */
    public static List<byte[]> completed(long index, byte[] leafHash, Nodes nodes) {
        List<byte[]> parents = new ArrayList<>();
        byte[] hash = leafHash;
        long at = index;
        int level = 0;
        while ((at & 1) == 1) {
            hash = TreeHash.node(nodes.perfect(level, at - 1), hash);
            parents.add(hash);
            at >>>= 1;
            level++;
        }
        return parents;
    }

    /** The root that an audit path yields for a leaf hash (RFC 9162 §2.1.3.2); throws when the path cannot fit. */
    public static byte[] rootFromInclusion(long leaf, long size, byte[] leafHash, List<byte[]> path) {
        if (leaf < 0 || leaf >= size) {
            throw new ProofFailure("leaf index " + leaf + " is outside a tree of " + size);
        }
        long fn = leaf;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            checkLength(p);
            if (sn == 0) {
                throw new ProofFailure("the audit path is longer than a tree of " + size + " allows");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofFailure("the audit path is shorter than a tree of " + size + " needs");
        }
        return r;
    }

    /** Whether an audit path proves that {@code leafHash} is leaf {@code leaf} of the tree with {@code root}. */
    public static boolean verifyInclusion(long leaf, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        try {
            return MessageDigest.isEqual(rootFromInclusion(leaf, size, leafHash, path), root);
        } catch (ProofFailure wrongShape) {
            return false;
        }
    }

    /**
     * Checks that the tree of {@code second} leaves with root {@code secondRoot} extends the tree of {@code first}
     * leaves with root {@code firstRoot} (RFC 9162 §2.1.4.2); throws {@link ProofFailure} saying why not.
     */
    public static void checkConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                        List<byte[]> proof) {
        if (first < 0 || second < first) {
            throw new ProofFailure("a tree of " + second + " cannot extend a tree of " + first);
        }
        if (first == second || first == 0) {
            if (!proof.isEmpty()) {
                throw new ProofFailure("a proof between these sizes is empty");
            }
            if (first == second && !MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new ProofFailure("two heads of " + first + " leaves have different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofFailure("the consistency proof is empty");
        }
        proof.forEach(MerkleTree::checkLength);
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofFailure("the consistency proof is longer than these sizes allow");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofFailure("the consistency proof is shorter than these sizes need");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new ProofFailure("the proof does not lead to the earlier root: the first " + first
                    + " leaves are not the ones that head was signed over");
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new ProofFailure("the proof does not lead to the later root");
        }
    }

    /** Whether the tree of {@code second} leaves extends the tree of {@code first} leaves. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        try {
            checkConsistency(first, second, firstRoot, secondRoot, proof);
            return true;
        } catch (ProofFailure failure) {
            return false;
        }
    }

    private static void checkLength(byte[] hash) {
        if (hash == null || hash.length != TreeHash.LENGTH) {
            throw new ProofFailure("a proof holds SHA-256 hashes of " + TreeHash.LENGTH + " bytes");
        }
    }
}
