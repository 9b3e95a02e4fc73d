-- The register view: each party, and the periods in which it held each category.
CREATE TABLE register_party (
    id         VARCHAR(64)  PRIMARY KEY,
    country    CHAR(2)      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    local_name VARCHAR(200)
);

CREATE TABLE register_period (
    party_id       VARCHAR(64) NOT NULL REFERENCES register_party (id),
    category       VARCHAR(16) NOT NULL,
    from_date      DATE        NOT NULL, -- first day in the category
    until_date     DATE,                 -- first day no longer in it; NULL while it lasts
    basis          VARCHAR(32) NOT NULL,
    from_position  BIGINT      NOT NULL, -- the event that opened the period
    until_position BIGINT,               -- the event that closed it
    PRIMARY KEY (party_id, from_date)
);
CREATE INDEX register_period_dates ON register_period (from_date, until_date);
