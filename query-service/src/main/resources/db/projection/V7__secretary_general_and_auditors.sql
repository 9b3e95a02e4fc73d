-- The Secretaries-General and the auditors, with the positions of the events behind them.
CREATE TABLE secretary_general (
    from_date      DATE         PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    proposed_by    VARCHAR(64),
    appointed_by   VARCHAR(64),
    until_date     DATE,
    from_position  BIGINT       NOT NULL,
    until_position BIGINT
);

CREATE TABLE auditor (
    term       INTEGER     NOT NULL, -- the ordinal of the chair's term it serves with
    country    CHAR(2)     NOT NULL,
    auditor    VARCHAR(64) NOT NULL,
    from_date  DATE        NOT NULL,
    decided_by VARCHAR(64) NOT NULL,
    position   BIGINT      NOT NULL,
    PRIMARY KEY (term, country)
);
