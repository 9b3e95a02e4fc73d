-- Meetings with their attendance; motions with their frozen roll, their ballots and their decision.
CREATE TABLE meeting (
    id         VARCHAR(64)  PRIMARY KEY,
    body       VARCHAR(8)   NOT NULL,
    ordinal    INTEGER      NOT NULL,
    host       VARCHAR(64),
    venue      VARCHAR(200),
    first_day  DATE         NOT NULL,
    last_day   DATE         NOT NULL,
    closed_on  DATE,
    position   BIGINT       NOT NULL
);

CREATE TABLE meeting_attendance (
    meeting_id VARCHAR(64) NOT NULL,
    party_id   VARCHAR(64) NOT NULL,
    position   BIGINT      NOT NULL,
    PRIMARY KEY (meeting_id, party_id)
);

CREATE TABLE motion (
    id               VARCHAR(64)   PRIMARY KEY,
    meeting_id       VARCHAR(64)   NOT NULL,
    body             VARCHAR(8)    NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    item             INTEGER,
    rule             VARCHAR(32)   NOT NULL,
    subject          VARCHAR(1000) NOT NULL,
    procedure        VARCHAR(16)   NOT NULL,
    effect           TEXT,          -- JSON, as in the event
    roll_date        DATE          NOT NULL,
    opened_position  BIGINT        NOT NULL,
    outcome          VARCHAR(16),
    tally            TEXT,          -- JSON: the arithmetic of the outcome, as in the event
    decided_on       DATE,
    decided_position BIGINT
);
CREATE INDEX motion_meeting ON motion (meeting_id);

CREATE TABLE motion_roll (
    motion_id        VARCHAR(64) NOT NULL,
    member_id        VARCHAR(64) NOT NULL,
    years_in_arrears VARCHAR(200) NOT NULL, -- such as "2021" or "" 
    present          BOOLEAN     NOT NULL DEFAULT FALSE, -- counted as present by the decision
    PRIMARY KEY (motion_id, member_id)
);

CREATE TABLE motion_left_off (
    motion_id        VARCHAR(64)   NOT NULL,
    party_id         VARCHAR(64)   NOT NULL,
    category         VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    restricted_since DATE,
    PRIMARY KEY (motion_id, party_id)
);

CREATE TABLE motion_vote (
    motion_id VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    choice    VARCHAR(8)  NOT NULL,
    cast_on   DATE        NOT NULL,
    position  BIGINT      NOT NULL,
    PRIMARY KEY (motion_id, member_id)
);
