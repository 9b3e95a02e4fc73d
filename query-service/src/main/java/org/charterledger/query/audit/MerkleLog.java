package org.charterledger.query.audit;

import org.charterledger.proof.MerkleTree;
import org.charterledger.proof.StoredRow;
import org.charterledger.proof.TreeHash;
import org.charterledger.query.config.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Merkle tree over the ledger (RFC 9162): leaf i is the i-th stored event row in position order, hashed in its
 * canonical encoding ({@link StoredRow}). It extends, as the audit chain does, only up to the settled position, where
 * no event can still appear below, so a leaf never moves. Each perfect subtree's hash is stored once, when its last
 * leaf comes in ({@code projection.merkle_node}); a root, an audit path or a consistency proof reads O(log n) of them.
 */
@Component
public class MerkleLog {

    private static final int CHUNK = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LedgerPosition position;
    private final TransactionTemplate transactions;

    MerkleLog(JdbcClient jdbc, JdbcTemplate batch, LedgerPosition position, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.position = position;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A leaf: its index in the tree, the position of its event, and its hash. */
    public record Leaf(long index, long position, byte[] hash) {
    }

    /**
     * Extends the tree over the events every view has settled, a chunk per transaction. The lock covers each
     * transaction to its commit, so a request's extension and the scheduled one never compute the same leaves; two
     * instances may, and write the same rows (the tree is a function of the settled rows), the second one's kept out.
     */
    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:200}")
    public synchronized void extend() {
        long settled = position.settled();
        while (Boolean.TRUE.equals(transactions.execute(status -> extendOneChunk(settled)))) {
            // on to the next chunk
        }
    }

    /** Adds up to a chunk of leaves; whether it added any. */
    private boolean extendOneChunk(long settled) {
        long size = size();
        long last = size == 0 ? 0 : leaf(size - 1).orElseThrow().position();
        if (settled <= last) {
            return false;
        }
        List<StoredRow> rows = jdbc.sql(AuditChain.ROWS
                        + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT " + CHUNK)
                .params(last, settled).query((rs, i) -> AuditChain.row(rs)).list();
        if (rows.isEmpty()) {
            return false;
        }
        append(size, rows);
        return true;
    }

    private void append(long size, List<StoredRow> rows) {
        Map<Long, byte[]> written = new HashMap<>();
        MerkleTree.Nodes nodes = (level, index) -> {
            byte[] hash = written.get(key(level, index));
            return hash != null ? hash : perfect(level, index);
        };
        List<Object[]> leaves = new ArrayList<>(rows.size());
        List<Object[]> parents = new ArrayList<>(rows.size());
        long index = size;
        for (StoredRow row : rows) {
            byte[] hash = row.leafHash();
            leaves.add(new Object[]{index, row.position(), hash});
            written.put(key(0, index), hash);
            List<byte[]> completed = MerkleTree.completed(index, hash, nodes);
            long at = index;
            for (int level = 1; level <= completed.size(); level++) {
                at >>>= 1;
                written.put(key(level, at), completed.get(level - 1));
                parents.add(new Object[]{level, at, completed.get(level - 1)});
            }
            index++;
        }
        batch.batchUpdate("INSERT INTO projection.merkle_leaf (leaf_index, position, hash) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", leaves);
        batch.batchUpdate("INSERT INTO projection.merkle_node (level, node_index, hash) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", parents);
    }

    /** Level and index in one key: a tree of 2^56 leaves is beyond any ledger. */
    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    /** The leaves in the tree. */
    public long size() {
        return jdbc.sql("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM projection.merkle_leaf").query(Long.class)
                .single();
    }

    public Optional<Leaf> leaf(long index) {
        return jdbc.sql("SELECT leaf_index, position, hash FROM projection.merkle_leaf WHERE leaf_index = ?")
                .param(index).query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).optional();
    }

    public Optional<Leaf> leafAt(long eventPosition) {
        return jdbc.sql("SELECT leaf_index, position, hash FROM projection.merkle_leaf WHERE position = ?")
                .param(eventPosition).query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .optional();
    }

    /** The stored hash of a complete perfect subtree (level 0: a leaf). */
    byte[] perfect(int level, long index) {
        Optional<byte[]> hash = level == 0
                ? jdbc.sql("SELECT hash FROM projection.merkle_leaf WHERE leaf_index = ?").param(index)
                .query(byte[].class).optional()
                : jdbc.sql("SELECT hash FROM projection.merkle_node WHERE level = ? AND node_index = ?")
                .params(level, index).query(byte[].class).optional();
        return hash.orElseThrow(() -> new IllegalStateException(
                "the tree has no node " + level + "/" + index + ": it was removed from projection.merkle_node"));
    }

    /**
     * Runs a computation over the stored nodes with two reads: which nodes a root, path or proof needs depends on the
     * sizes alone, never on the hashes, so a first pass over placeholder hashes names them, one query per table reads
     * them all, and the second pass computes with them.
     */
    private <T> T withNodes(Function<MerkleTree.Nodes, T> computation) {
        Set<Long> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[TreeHash.LENGTH];
        computation.apply((level, index) -> {
            wanted.add(key(level, index));
            return placeholder;
        });
        Map<Long, byte[]> read = read(wanted);
        return computation.apply((level, index) -> {
            byte[] hash = read.get(key(level, index));
            if (hash == null) {
                throw new IllegalStateException("the tree has no node " + level + "/" + index
                        + ": it was removed from projection.merkle_node");
            }
            return hash;
        });
    }

    private Map<Long, byte[]> read(Set<Long> keys) {
        Map<Long, byte[]> read = new HashMap<>();
        List<Long> leaves = keys.stream().filter(k -> k >>> 56 == 0).toList();
        List<Long> nodes = keys.stream().filter(k -> k >>> 56 != 0).toList();
        if (!leaves.isEmpty()) {
            jdbc.sql("SELECT leaf_index, hash FROM projection.merkle_leaf WHERE leaf_index IN ("
                            + String.join(", ", Collections.nCopies(leaves.size(), "?")) + ")")
                    .params(leaves.toArray())
                    .query(rs -> {
                        read.put(key(0, rs.getLong(1)), rs.getBytes(2));
                    });
        }
        if (!nodes.isEmpty()) {
            List<Object> parameters = new ArrayList<>();
            nodes.forEach(k -> {
                parameters.add((int) (k >>> 56));
                parameters.add(k & INDEX);
            });
            jdbc.sql("SELECT level, node_index, hash FROM projection.merkle_node WHERE "
                            + String.join(" OR ", Collections.nCopies(nodes.size(), "(level = ? AND node_index = ?)")))
                    .params(parameters)
                    .query(rs -> {
                        read.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    });
        }
        return read;
    }

    private static final long INDEX = (1L << 56) - 1;

    public byte[] root(long size) {
        return withNodes(nodes -> MerkleTree.root(size, nodes));
    }

    public List<byte[]> inclusion(long leaf, long size) {
        return withNodes(nodes -> MerkleTree.inclusion(leaf, size, nodes));
    }

    public List<byte[]> consistency(long first, long second) {
        return withNodes(nodes -> MerkleTree.consistency(first, second, nodes));
    }

    /**
     * The tree recomputed from the stored rows up to leaf {@code size}, compared leaf by leaf with the stored tree:
     * the first leaf whose event was changed, removed, moved or slipped in, and why; none when every row still yields
     * its leaf. With it, the root recomputed from the rows alone (not from stored nodes), to compare with a head.
     */
    public Check verify(long size) {
        List<byte[]> frontier = new ArrayList<>();
        Optional<Difference> difference = compare(size, frontier);
        byte[] root = TreeHash.empty();
        if (difference.isEmpty() && !frontier.isEmpty()) {
            root = frontier.get(frontier.size() - 1);
            for (int i = frontier.size() - 2; i >= 0; i--) {
                root = TreeHash.node(frontier.get(i), root);
            }
        }
        return new Check(size, difference.isEmpty() ? root : null, difference.orElse(null));
    }

    /** The tree's check: the root recomputed from the rows (none when they differ), and the first difference. */
    public record Check(long size, byte[] recomputedRoot, Difference difference) {
    }

    /**
     * Compares, and keeps the recomputed perfect subtrees of the leaves so far in {@code frontier} (largest first):
     * appending leaf n merges the subtrees that n's trailing one bits complete.
     */
    private Optional<Difference> compare(long size, List<byte[]> frontier) {
        long previous = Long.MIN_VALUE;
        for (long from = 0; from < size; from += CHUNK) {
            List<Leaf> leaves = jdbc.sql("""
                            SELECT leaf_index, position, hash FROM projection.merkle_leaf
                            WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index""")
                    .params(from, Math.min(size, from + CHUNK))
                    .query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).list();
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.get(i).index() != from + i) {
                    return Optional.of(new Difference(from + i, null, "the tree's leaf was removed"));
                }
            }
            if (leaves.size() < Math.min(CHUNK, size - from)) {
                return Optional.of(new Difference(from + leaves.size(), null, "the tree's leaf was removed"));
            }
            long upTo = leaves.get(leaves.size() - 1).position();
            List<StoredRow> rows = jdbc.sql(AuditChain.ROWS + " WHERE global_index > ? AND global_index <= ?"
                            + " ORDER BY global_index")
                    .params(previous, upTo).query((rs, i) -> AuditChain.row(rs)).list();
            int r = 0;
            for (Leaf leaf : leaves) {
                StoredRow row = r < rows.size() ? rows.get(r) : null;
                if (row != null && row.position() < leaf.position()) {
                    return Optional.of(new Difference(null, row.position(),
                            "an event is stored at a position the tree passed without it: it was slipped in later"));
                }
                if (row == null || row.position() > leaf.position()) {
                    return Optional.of(new Difference(leaf.index(), leaf.position(),
                            "the event was removed from the store"));
                }
                byte[] hash = row.leafHash();
                if (!MessageDigest.isEqual(hash, leaf.hash())) {
                    return Optional.of(new Difference(leaf.index(), leaf.position(),
                            "the event as stored no longer yields its leaf: it was changed or moved"));
                }
                frontier.add(hash);
                for (long n = leaf.index(); (n & 1) == 1; n >>>= 1) {
                    byte[] right = frontier.remove(frontier.size() - 1);
                    byte[] left = frontier.remove(frontier.size() - 1);
                    frontier.add(TreeHash.node(left, right));
                }
                r++;
            }
            previous = upTo;
        }
        return Optional.empty();
    }

    /** Where the stored rows and the tree part: the leaf (if any), the position, and why. */
    public record Difference(Long leafIndex, Long position, String why) {
    }
}
