-- What the chair's succession needs when a General Assembly closes: its ordinal, and the next host it elected.
ALTER TABLE meeting_index ADD COLUMN ordinal INTEGER;

CREATE TABLE next_host_index (
    meeting_id VARCHAR(64) PRIMARY KEY,
    host_id    VARCHAR(64) NOT NULL,
    motion_id  VARCHAR(64) NOT NULL
);
