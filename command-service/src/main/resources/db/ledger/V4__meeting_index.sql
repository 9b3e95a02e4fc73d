-- What the command side looks up about meetings and motions: written with their events, in the same transaction.
CREATE TABLE meeting_index (
    meeting_id VARCHAR(64) PRIMARY KEY,
    body       VARCHAR(8)  NOT NULL,
    first_day  DATE        NOT NULL,
    last_day   DATE        NOT NULL,
    closed     BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX meeting_index_body_first_day ON meeting_index (body, first_day);

CREATE TABLE meeting_attendance (
    meeting_id VARCHAR(64) NOT NULL,
    party_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (meeting_id, party_id)
);

CREATE TABLE motion_index (
    motion_id  VARCHAR(64) PRIMARY KEY,
    meeting_id VARCHAR(64) NOT NULL
);
