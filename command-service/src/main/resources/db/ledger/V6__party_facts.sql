-- Each party's recorded facts (category periods and payments), folded from its events exactly as the Member aggregate
-- folds them and written with those events, in the same transaction: what a voter roll needs of every party, read in
-- one query instead of replaying every party's stream.
CREATE TABLE party_facts (
    party_id      VARCHAR(64) PRIMARY KEY,
    facts         TEXT        NOT NULL, -- JSON of org.charterledger.charter.PartyFacts
    last_sequence BIGINT      NOT NULL  -- the sequence number of the party's last event folded in
);
