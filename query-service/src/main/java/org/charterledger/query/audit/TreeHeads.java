package org.charterledger.query.audit;

import org.charterledger.proof.TreeHead;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Signed tree heads: issued as the tree grows (every {@code ledger.proofs.head-every} events, or every
 * {@code head-interval} if it grew less), stored in {@code projection.tree_head}, and pushed to the witnesses. A
 * head is issued only for a size no head has yet, so two instances issuing at once keep one.
 */
@Component
public class TreeHeads {

    private final JdbcClient jdbc;
    private final MerkleLog tree;
    private final SigningKey key;
    private final ProofSettings settings;
    private final Witnesses witnesses;
    private final Clock clock;

    TreeHeads(JdbcClient jdbc, MerkleLog tree, ProofSettings settings, Witnesses witnesses) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.settings = settings;
        this.witnesses = witnesses;
        this.key = SigningKey.configured(settings);
        this.clock = Clock.systemUTC();
    }

    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** Issues a head when the tree has grown enough, or long enough ago, since the last. */
    @Scheduled(fixedDelayString = "${ledger.proofs.check-interval:1s}")
    public void issueWhenDue() {
        long size = tree.size();
        Optional<TreeHead> last = latest();
        long lastSize = last.map(TreeHead::treeSize).orElse(0L);
        if (size == 0 || size <= lastSize) {
            return;
        }
        boolean enoughEvents = size - lastSize >= settings.headEvery();
        boolean longEnough = last.isEmpty()
                || clock.millis() - last.get().timestamp() >= settings.headInterval().toMillis();
        if (enoughEvents || longEnough) {
            issue(size);
        }
    }

    /** A head over the tree as it is now, unless one covers this size already; answers the head of that size. */
    public synchronized TreeHead issue(long size) {
        Optional<TreeHead> existing = ofSize(size);
        if (existing.isPresent()) {
            return existing.get();
        }
        TreeHead head = TreeHead.sign(size, tree.root(size), clock.millis(), key.privateKey(), key.publicKey());
        int inserted = jdbc.sql("""
                        INSERT INTO projection.tree_head (tree_size, root_hash, issued_at, key_id, signature)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(head.treeSize(), head.rootHash(), head.timestamp(), head.keyId(), head.signature()).update();
        if (inserted == 0) {
            return ofSize(size).orElseThrow();
        }
        witnesses.push(head, key.publicKey());
        return head;
    }

    /** The newest head covering at least {@code size} leaves, issuing one when there is none yet. */
    public TreeHead covering(long size) {
        Optional<TreeHead> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        tree.extend();
        return issue(tree.size());
    }

    public Optional<TreeHead> latest() {
        return jdbc.sql(SELECT + " ORDER BY tree_size DESC LIMIT 1").query(TreeHeads::head).optional();
    }

    public Optional<TreeHead> ofSize(long size) {
        return jdbc.sql(SELECT + " WHERE tree_size = ?").param(size).query(TreeHeads::head).optional();
    }

    /** Heads newest first, those below {@code before} (exclusive), at most {@code limit}. */
    public List<TreeHead> list(long before, int limit) {
        return jdbc.sql(SELECT + " WHERE tree_size < ? ORDER BY tree_size DESC LIMIT ?").params(before, limit)
                .query(TreeHeads::head).list();
    }

    private static final String SELECT =
            "SELECT tree_size, root_hash, issued_at, key_id, signature FROM projection.tree_head";

    private static TreeHead head(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TreeHead(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4).trim(), rs.getBytes(5));
    }
}
