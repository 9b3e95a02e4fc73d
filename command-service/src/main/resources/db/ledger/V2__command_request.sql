-- Idempotency: the client's request id, claimed in the same transaction as the events the request appended.
CREATE TABLE command_request (
    principal       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    command_type    VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    resource_id     VARCHAR(255) NOT NULL, -- the id the answer names: a member, a payment
    position        BIGINT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
