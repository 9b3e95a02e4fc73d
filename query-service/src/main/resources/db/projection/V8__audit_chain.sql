-- Tamper evidence: a hash chain over the ledger's events in position order.
-- link(n) = SHA-256(link(previous) || canonical encoding of the stored event row n); the first link hashes no previous.
CREATE TABLE audit_chain (
    position BIGINT   PRIMARY KEY,
    link     CHAR(64) NOT NULL
);
