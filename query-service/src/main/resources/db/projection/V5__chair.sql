-- The chair's terms and the acting periods of deputies, with the positions of the events behind them.
CREATE TABLE chair_term (
    ordinal          INTEGER     PRIMARY KEY,
    holder           VARCHAR(64) NOT NULL,
    from_date        DATE        NOT NULL,
    until_date       DATE,
    elected_by       VARCHAR(64),
    electing_meeting VARCHAR(64),
    hosted_meeting   VARCHAR(64),
    from_position    BIGINT      NOT NULL,
    until_position   BIGINT
);

CREATE TABLE acting_chair (
    ordinal        INTEGER      NOT NULL,
    from_date      DATE         NOT NULL,
    deputy         VARCHAR(200) NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    until_date     DATE,
    from_position  BIGINT       NOT NULL,
    until_position BIGINT,
    PRIMARY KEY (ordinal, from_date)
);
