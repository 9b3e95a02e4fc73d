-- What each service's own database role may do in the ledger schema; re-applied whenever a role name changes.
-- ${writer}: the command service's role (its datasource user). It appends events and keeps its lookups; it may
--            never change or remove an event: no UPDATE, DELETE or TRUNCATE on domain_event_entry.
-- ${reader}: the query service's role. It reads the ledger and writes nothing here; it owns schema projection.
-- Flyway runs this as the schema's owner (spring.flyway.user). When a service connects as the owner itself (a
-- single-role set-up), these grants change nothing for it, and the append-only trigger still holds.

GRANT USAGE ON SCHEMA ledger TO "${writer}", "${reader}";

GRANT SELECT, INSERT ON domain_event_entry TO "${writer}";
-- Snapshots are a cache of the events, not the record: Axon replaces them.
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO "${writer}";
-- The idempotency receipt is claimed, then completed with the position of the request's events.
GRANT SELECT, INSERT, UPDATE ON command_request TO "${writer}";
GRANT SELECT, INSERT ON dues_payment_index TO "${writer}";
GRANT SELECT, INSERT, UPDATE ON meeting_index TO "${writer}";
GRANT SELECT, INSERT ON meeting_attendance TO "${writer}";
GRANT SELECT, INSERT ON motion_index TO "${writer}";
GRANT SELECT, INSERT ON next_host_index TO "${writer}";
-- Each party's folded facts, rewritten with every event of the party.
GRANT SELECT, INSERT, UPDATE ON party_facts TO "${writer}";

GRANT SELECT ON ALL TABLES IN SCHEMA ledger TO "${reader}";
