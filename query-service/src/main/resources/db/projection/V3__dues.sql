-- Dues facts: every payment with its reversal, and the rates the General Assembly decided.
CREATE TABLE dues_payment (
    payment_id        VARCHAR(36)   PRIMARY KEY,
    member_id         VARCHAR(64)   NOT NULL,
    fiscal_year       INTEGER       NOT NULL,
    paid_amount       NUMERIC(19, 4) NOT NULL,
    paid_currency     CHAR(3)       NOT NULL,
    credited_amount   NUMERIC(19, 4) NOT NULL,
    credited_currency CHAR(3)       NOT NULL,
    paid_on           DATE          NOT NULL,
    reference         VARCHAR(200),
    paid_position     BIGINT        NOT NULL,
    reversed_on       DATE,
    reversal_reason   VARCHAR(500),
    reversed_position BIGINT
);
CREATE INDEX dues_payment_member ON dues_payment (member_id);

CREATE TABLE dues_rate (
    from_year  INTEGER        PRIMARY KEY,
    amount     NUMERIC(19, 4) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    decided_by VARCHAR(64)    NOT NULL,
    position   BIGINT         NOT NULL
);
