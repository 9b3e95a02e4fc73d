package org.charterledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.TreeHead;
import org.charterledger.query.config.InvalidParameter;
import org.charterledger.query.config.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proofs an auditor checks without trusting the ledger: signed tree heads to file, the public key that signs them,
 * inclusion proofs of events and consistency proofs between heads in the form of RFC 9162 (base64 hashes, leaf
 * index, tree size), the tree recomputed from the stored rows, and the heads the witnesses hold compared with it.
 */
@RestController
@Tag(name = "Audit", description = "The record, tamper evidence, and decisions re-derived from their events")
class ProofController {

    private static final int MAX_LIMIT = 1000;

    private final MerkleLog tree;
    private final TreeHeads heads;
    private final Witnesses witnesses;

    ProofController(MerkleLog tree, TreeHeads heads, Witnesses witnesses) {
        this.tree = tree;
        this.heads = heads;
        this.witnesses = witnesses;
    }

    record PublicKeyAnswer(String algorithm, String keyId, byte[] publicKey, String format) {
    }

    record HeadPage(List<PublishedHead> heads, Long next) {
    }

    record InclusionProof(long position, long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath,
                          byte[] rootHash) {
    }

    record ConsistencyProof(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    }

    record Difference(Long leafIndex, Long position, String why) {
    }

    record TreeVerification(long treeSize, boolean valid, byte[] headRoot, byte[] recomputedRoot,
                            Difference firstDifference) {
    }

    record WitnessCheck(long treeSize, boolean signedByLedgerKey, boolean sameAsLedgerHead, boolean consistent,
                        String why) {
    }

    record WitnessReport(String directory, boolean valid, List<WitnessCheck> heads) {
    }

    @GetMapping("/api/audit/public-key")
    @Operation(summary = "The Ed25519 public key that signs tree heads (X.509 SubjectPublicKeyInfo, base64)",
            description = "File it with the first head: a head signed by any other key is not the ledger's.")
    PublicKeyAnswer publicKey() {
        return new PublicKeyAnswer(TreeHead.ALGORITHM, TreeHead.keyId(heads.publicKey()),
                heads.publicKey().getEncoded(), "X.509 SubjectPublicKeyInfo");
    }

    @GetMapping("/api/audit/tree-heads/latest")
    @Operation(summary = "The newest signed tree head, with the public key: the document an auditor files")
    PublishedHead latest() {
        TreeHead head = heads.latest().orElseGet(() -> {
            tree.extend();
            long size = tree.size();
            if (size == 0) {
                throw new NotFound("treeSize", "the ledger holds no settled event yet: no head");
            }
            return heads.issue(size);
        });
        return PublishedHead.of(head, heads.publicKey());
    }

    @GetMapping("/api/audit/tree-heads/{treeSize}")
    @Operation(summary = "The signed tree head of a size")
    PublishedHead head(@PathVariable long treeSize) {
        return PublishedHead.of(published(treeSize, "treeSize"), heads.publicKey());
    }

    @GetMapping("/api/audit/tree-heads")
    @Operation(summary = "The signed tree heads, newest first, those below a size")
    HeadPage list(@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before,
                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "must be from 1 to " + MAX_LIMIT);
        }
        List<PublishedHead> page = heads.list(before, limit).stream()
                .map(head -> PublishedHead.of(head, heads.publicKey())).toList();
        return new HeadPage(page, page.size() == limit ? page.get(page.size() - 1).treeSize() : null);
    }

    @GetMapping("/api/audit/proofs/inclusion")
    @Operation(summary = "The inclusion proof (RFC 9162 §2.1.3) of the event at a position in a signed head's tree",
            description = "treeSize names a published head (the newest by default). Hash the event's row as"
                    + " a certificate carries it, and the audit path leads to"
                    + " the head's root.")
    InclusionProof inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        if (position < 1) {
            throw new InvalidParameter("position", "must be a ledger position, 1 or more");
        }
        TreeHead head = treeSize == null ? latest().head() : published(treeSize, "treeSize");
        MerkleLog.Leaf leaf = tree.leafAt(position).orElseThrow(() -> new NotFound("position",
                "no event at position " + position + " is in the tree (none stored there, or not settled yet)"));
        if (leaf.index() >= head.treeSize()) {
            throw new InvalidParameter("position", "is of an event (leaf " + leaf.index() + ") that came after the"
                    + " head of " + head.treeSize() + " events: ask against a later head");
        }
        return new InclusionProof(position, leaf.index(), head.treeSize(), leaf.hash(),
                tree.inclusion(leaf.index(), head.treeSize()), head.rootHash());
    }

    @GetMapping("/api/audit/proofs/consistency")
    @Operation(summary = "The consistency proof (RFC 9162 §2.1.4) that a later head's tree extends an earlier one's",
            description = "first and second name published heads, first no larger than second.")
    ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        if (first < 1) {
            throw new InvalidParameter("first", "must be the size of a published head, 1 or more");
        }
        if (second < first) {
            throw new InvalidParameter("second", "must be no smaller than first: a later head extends an earlier one");
        }
        TreeHead earlier = published(first, "first");
        TreeHead later = published(second, "second");
        return new ConsistencyProof(first, second, earlier.rootHash(), later.rootHash(),
                tree.consistency(first, second));
    }

    @GetMapping("/api/audit/tree/verification")
    @Operation(summary = "The tree recomputed from the stored rows up to a head, and compared with it",
            description = "Names the first leaf whose event was changed, removed or moved, or the position of an"
                    + " event slipped in where the tree had passed; else compares the recomputed root with the head.")
    TreeVerification verifyTree(@RequestParam(required = false) Long treeSize) {
        TreeHead head = treeSize == null ? latest().head() : published(treeSize, "treeSize");
        MerkleLog.Check check = tree.verify(head.treeSize());
        Difference difference = check.difference() == null ? null : new Difference(check.difference().leafIndex(),
                check.difference().position(), check.difference().why());
        boolean valid = difference == null && MessageDigest.isEqual(check.recomputedRoot(), head.rootHash());
        if (difference == null && !valid) {
            difference = new Difference(null, null, "the rows yield another root than the head's");
        }
        return new TreeVerification(head.treeSize(), valid, head.rootHash(), check.recomputedRoot(), difference);
    }

    @GetMapping("/api/audit/witnesses")
    @Operation(summary = "The heads the witness directory holds, each compared with the ledger's tree",
            description = "A witnessed head the ledger's tree no longer extends shows a rewritten history, even when"
                    + " the events and the whole tree were rewritten consistently.")
    WitnessReport witnessed() {
        List<WitnessCheck> checks = new ArrayList<>();
        long size = tree.size();
        for (PublishedHead witnessed : witnesses.witnessed()) {
            TreeHead head = witnessed.head();
            boolean signed = head.signedBy(heads.publicKey());
            boolean same = heads.ofSize(head.treeSize()).map(head::sameAs).orElse(false);
            String why = null;
            boolean consistent = false;
            if (head.treeSize() > size) {
                why = "the ledger's tree has fewer leaves than this witnessed head";
            } else {
                consistent = MessageDigest.isEqual(tree.root(head.treeSize()), head.rootHash());
                if (!consistent) {
                    why = "the ledger's first " + head.treeSize() + " leaves no longer yield the witnessed root";
                } else if (!signed) {
                    why = "the witnessed head was not signed by the ledger's key";
                } else if (!same) {
                    why = "the ledger no longer holds this head as the witness does";
                }
            }
            checks.add(new WitnessCheck(head.treeSize(), signed, same, consistent, why));
        }
        return new WitnessReport(witnesses.directory().map(Object::toString).orElse(null),
                checks.stream().allMatch(c -> c.why() == null), checks);
    }

    private TreeHead published(long size, String parameter) {
        if (size < 0) {
            throw new InvalidParameter(parameter, "must be a tree size, 0 or more");
        }
        return heads.ofSize(size).orElseThrow(() -> new NotFound(parameter, "no signed head of " + size
                + " events: ask /api/audit/tree-heads for the heads published"));
    }
}
