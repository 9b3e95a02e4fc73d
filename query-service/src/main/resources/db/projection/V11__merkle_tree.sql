-- Proofs anyone can check (RFC 9162): a Merkle tree over the ledger's events in position order, and signed heads.
-- Leaf i is the i-th stored event row: SHA-256(0x00 || canonical encoding of the row), and the row's position.
CREATE TABLE merkle_leaf (
    leaf_index BIGINT PRIMARY KEY,
    position   BIGINT NOT NULL UNIQUE,
    hash       BYTEA  NOT NULL
);

-- The hash of every complete perfect subtree above the leaves: node (level, i) covers leaves [i·2^level, (i+1)·2^level).
-- Written once when its last leaf is added and never changed; any tree hash or proof reads O(log n) of them.
CREATE TABLE merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed tree heads: the size, the root, when (ms since the epoch), the signing key's id, the Ed25519 signature.
CREATE TABLE tree_head (
    tree_size BIGINT   PRIMARY KEY,
    root_hash BYTEA    NOT NULL,
    issued_at BIGINT   NOT NULL,
    key_id    CHAR(64) NOT NULL,
    signature BYTEA    NOT NULL
);
