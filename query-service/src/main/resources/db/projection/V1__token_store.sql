-- Axon's token store for the query service's streaming processors (names configured in AxonConfig.tokenSchema).
-- A token is stored in the same transaction as the view rows of its batch.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
