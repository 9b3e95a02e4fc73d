package org.charterledger.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree against the published test vectors of RFC 6962 / RFC 9162 (the eight leaves of the Certificate
 * Transparency reference tests, their roots, inclusion and consistency proofs), and against a naive implementation
 * written here straight from the RFC's recursive definitions, over every size and index up to 70 leaves.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void theEmptyTreeHashesNothing() {
        assertThat(HEX.formatHex(MerkleTree.root(0, nodesOf(List.of()))))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsOfThePublishedVectors() {
        List<byte[]> leaves = vectorLeaves();
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(size, nodesOf(leaves)))).as("size %d", size)
                    .isEqualTo(ROOTS[size - 1]);
        }
    }

    /** Leaf numbers as the vectors give them, from 1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "6|8|bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "3|3|fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "2|5|6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})
    void inclusionProofsOfThePublishedVectors(int leaf, int size, String proof) {
        List<byte[]> leaves = vectorLeaves();
        List<byte[]> expected = hashes(proof);

        assertThat(hex(MerkleTree.inclusion(leaf - 1, size, nodesOf(leaves)))).isEqualTo(hex(expected));
        byte[] leafHash = TreeHash.leaf(HEX.parseHex(LEAVES[leaf - 1]));
        byte[] root = HEX.parseHex(ROOTS[size - 1]);
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, expected, root)).isTrue();
        // the probes of the reference verifier's tests: every one must fail
        assertThat(MerkleTree.verifyInclusion(leaf - 2, size, leafHash, expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion((leaf - 1) ^ 2, size, leafHash, expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size * 2L, leafHash, expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size / 2, leafHash, expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size, TreeHash.leaf(new byte[]{1}), expected, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, expected, TreeHash.empty())).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, with(expected, root, true), root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, with(expected, root, false), root)).isFalse();
        for (int i = 0; i < expected.size(); i++) {
            List<byte[]> flipped = copy(expected);
            flipped.get(i)[0] ^= 8;
            assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, flipped, root)).isFalse();
        }
        if (!expected.isEmpty()) {
            assertThat(MerkleTree.verifyInclusion(leaf - 1, size, leafHash, expected.subList(0, expected.size() - 1),
                    root)).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "6|8|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2|5|5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "6|7|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void consistencyProofsOfThePublishedVectors(int first, int second, String proof) {
        List<byte[]> expected = hashes(proof);
        byte[] root1 = HEX.parseHex(ROOTS[first - 1]);
        byte[] root2 = HEX.parseHex(ROOTS[second - 1]);

        assertThat(hex(MerkleTree.consistency(first, second, nodesOf(vectorLeaves())))).isEqualTo(hex(expected));
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, expected)).isTrue();
        // the probes of the reference verifier's tests: every one must fail
        assertThat(MerkleTree.verifyConsistency(first - 1, second, root1, root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first + 1, second, root1, root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first ^ 2, second, root1, root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second * 2, root1, root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second / 2, root1, root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root2, root1, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, TreeHash.empty(), root2, expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, TreeHash.empty(), expected)).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, with(expected, root1, true))).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, with(expected, root2, false))).isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, with(expected, expected.get(0), false)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(first, second, root1, root2,
                expected.subList(0, expected.size() - 1))).isFalse();
        for (int i = 0; i < expected.size(); i++) {
            List<byte[]> flipped = copy(expected);
            flipped.get(i)[0] ^= 16;
            assertThat(MerkleTree.verifyConsistency(first, second, root1, root2, flipped)).isFalse();
        }
    }

    @Test
    void trivialConsistencies() {
        byte[] root = HEX.parseHex(ROOTS[0]);
        assertThat(MerkleTree.verifyConsistency(1, 1, root, root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 3, TreeHash.empty(), root, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root, TreeHash.empty(), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, root, root, List.of(root))).isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 1, root, root, List.of())).isFalse();
        assertThatThrownBy(() -> MerkleTree.checkConsistency(4, 8, root, root, List.of(new byte[3])))
                .isInstanceOf(ProofFailure.class);
    }

    /** Every root, path and proof up to 70 leaves equals the naive implementation's, and verifies. */
    @Test
    void agreesWithANaiveImplementationOfTheDefinitions() {
        Random random = new Random(9162);
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] d = new byte[random.nextInt(40)];
            random.nextBytes(d);
            data.add(d);
        }
        List<byte[]> leaves = data.stream().map(TreeHash::leaf).toList();
        MerkleTree.Nodes nodes = nodesOf(leaves);
        for (int n = 1; n <= data.size(); n++) {
            List<byte[]> d = data.subList(0, n);
            byte[] root = Naive.mth(d);
            assertThat(MerkleTree.root(n, nodes)).as("root of %d", n).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusion(m, n, nodes);
                assertThat(hex(path)).as("path of %d in %d", m, n).isEqualTo(hex(Naive.path(m, d)));
                assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistency(m, n, nodes);
                List<byte[]> naive = m == n ? List.of() : Naive.proof(m, d);
                assertThat(hex(proof)).as("proof %d to %d", m, n).isEqualTo(hex(naive));
                assertThat(MerkleTree.verifyConsistency(m, n, Naive.mth(data.subList(0, m)), root, proof)).isTrue();
                if (m < n) {
                    byte[] otherFirst = Naive.mth(replaced(data.subList(0, m), m - 1));
                    assertThat(MerkleTree.verifyConsistency(m, n, otherFirst, root, proof)).isFalse();
                }
            }
        }
    }

    /** Extending leaf by leaf stores each perfect subtree once, and the stored nodes give the same roots. */
    @Test
    void appendingCompletesEachPerfectSubtreeOnce() {
        Map<String, byte[]> stored = new HashMap<>();
        MerkleTree.Nodes nodes = (level, index) -> stored.get(level + "/" + index);
        List<byte[]> data = new ArrayList<>();
        AtomicInteger nodesStored = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            byte[] d = ("event " + i).getBytes();
            data.add(d);
            byte[] leaf = TreeHash.leaf(d);
            stored.put("0/" + i, leaf);
            List<byte[]> parents = MerkleTree.completed(i, leaf, nodes);
            long at = i;
            for (int level = 1; level <= parents.size(); level++) {
                at >>>= 1;
                assertThat(stored.put(level + "/" + at, parents.get(level - 1))).isNull();
                nodesStored.incrementAndGet();
            }
            assertThat(MerkleTree.root(i + 1, nodes)).isEqualTo(Naive.mth(data));
        }
        assertThat(nodesStored.get()).isEqualTo(100 - Long.bitCount(100)); // n minus the perfect subtrees of n
    }

    @Test
    void aLeafOutsideTheTreeHasNoPath() {
        assertThatThrownBy(() -> MerkleTree.inclusion(8, 8, nodesOf(vectorLeaves())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistency(9, 8, nodesOf(vectorLeaves())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(0, 0, TreeHash.empty(), List.of(), TreeHash.empty())).isFalse();
    }

    /** The RFC's definitions, word for word, over lists: no stored nodes, no bit tricks. */
    static final class Naive {

        static byte[] mth(List<byte[]> d) {
            if (d.isEmpty()) {
                return TreeHash.empty();
            }
            if (d.size() == 1) {
                return sha256((byte) 0, d.get(0));
            }
            int k = largestPowerOfTwoBelow(d.size());
            return sha256((byte) 1, concat(mth(d.subList(0, k)), mth(d.subList(k, d.size()))));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            List<byte[]> path = new ArrayList<>();
            if (d.size() > 1) {
                int k = largestPowerOfTwoBelow(d.size());
                if (m < k) {
                    path.addAll(path(m, d.subList(0, k)));
                    path.add(mth(d.subList(k, d.size())));
                } else {
                    path.addAll(path(m - k, d.subList(k, d.size())));
                    path.add(mth(d.subList(0, k)));
                }
            }
            return path;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            List<byte[]> proof = new ArrayList<>();
            int n = d.size();
            if (m == n) {
                if (!b) {
                    proof.add(mth(d));
                }
                return proof;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                proof.addAll(subproof(m, d.subList(0, k), b));
                proof.add(mth(d.subList(k, n)));
            } else {
                proof.addAll(subproof(m - k, d.subList(k, n), false));
                proof.add(mth(d.subList(0, k)));
            }
            return proof;
        }

        private static int largestPowerOfTwoBelow(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }

        private static byte[] sha256(byte prefix, byte[] data) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(prefix);
                sha.update(data);
                return sha.digest();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /** Perfect subtree hashes computed on demand from the leaf hashes (the naive tree, not the stored one). */
    static MerkleTree.Nodes nodesOf(List<byte[]> leafHashes) {
        return (level, index) -> {
            long start = index << level;
            long end = start + (1L << level);
            if (end > leafHashes.size()) {
                throw new IllegalStateException("node " + level + "/" + index + " is not complete");
            }
            return perfect(leafHashes.subList((int) start, (int) end));
        };
    }

    private static byte[] perfect(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int half = leafHashes.size() / 2;
        return TreeHash.node(perfect(leafHashes.subList(0, half)), perfect(leafHashes.subList(half, leafHashes.size())));
    }

    private static List<byte[]> vectorLeaves() {
        return Arrays.stream(LEAVES).map(HEX::parseHex).map(TreeHash::leaf).toList();
    }

    private static List<byte[]> hashes(String proof) {
        return proof == null || proof.isBlank() ? List.of()
                : Arrays.stream(proof.trim().split(" ")).map(HEX::parseHex).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        return new ArrayList<>(hashes.stream().map(byte[]::clone).toList());
    }

    private static List<byte[]> with(List<byte[]> hashes, byte[] extra, boolean atEnd) {
        List<byte[]> more = new ArrayList<>(hashes);
        more.add(atEnd ? more.size() : 0, extra);
        return more;
    }

    private static List<byte[]> replaced(List<byte[]> data, int at) {
        List<byte[]> changed = new ArrayList<>(data);
        changed.set(at, "forged".getBytes());
        return changed;
    }
}
