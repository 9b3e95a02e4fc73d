-- Rebuilds of the views requested by auditors: progress is read from the processors' tokens.
CREATE TABLE rebuild (
    id               VARCHAR(36)  PRIMARY KEY,
    requested_by     VARCHAR(100) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    total            BIGINT       NOT NULL, -- the ledger's head when the rebuild started
    checksums_before TEXT         NOT NULL, -- JSON: projection -> checksum
    checksums_after  TEXT
);
