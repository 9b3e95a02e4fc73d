-- The register view: one row per party, from MemberAdmitted.
CREATE TABLE register_party (
    id         VARCHAR(64)  PRIMARY KEY,
    country    CHAR(2)      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    local_name VARCHAR(200),
    category   VARCHAR(16)  NOT NULL,
    since      DATE         NOT NULL,
    basis      VARCHAR(32)  NOT NULL,
    position   BIGINT       NOT NULL
);
CREATE INDEX register_party_since ON register_party (since);
