-- Which member each dues payment belongs to: written with the DuesPaid event, in the same transaction.
CREATE TABLE dues_payment_index (
    payment_id VARCHAR(36) PRIMARY KEY,
    member_id  VARCHAR(64) NOT NULL
);
