-- Subcommittees, their coordinators' terms and their activities, with the positions of the events behind them.
CREATE TABLE subcommittee (
    number       INTEGER      PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    field        VARCHAR(200),
    founded      DATE         NOT NULL,
    decided_by   VARCHAR(200),
    abolished_on DATE,
    position     BIGINT       NOT NULL
);

CREATE TABLE coordinator_term (
    number             INTEGER     NOT NULL,
    coordinator        VARCHAR(64) NOT NULL,
    from_date          DATE        NOT NULL,
    term_end           DATE        NOT NULL, -- the first day after the term
    until_date         DATE,                 -- the day it stopped coordinating (renewed, replaced, abolished)
    coordinating_since DATE        NOT NULL, -- the start of its coordination, across renewals
    renewal            BOOLEAN     NOT NULL,
    decided_by         VARCHAR(200),
    position           BIGINT      NOT NULL,
    until_position     BIGINT,
    PRIMARY KEY (number, coordinator, from_date)
);

CREATE TABLE subcommittee_activity (
    number    INTEGER      NOT NULL,
    ordinal   INTEGER,
    first_day DATE         NOT NULL,
    last_day  DATE         NOT NULL,
    host      VARCHAR(64),
    form      VARCHAR(200),
    position  BIGINT       NOT NULL PRIMARY KEY
);
CREATE INDEX subcommittee_activity_number ON subcommittee_activity (number, last_day);
