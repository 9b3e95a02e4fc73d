-- The event table is the permanent record: rows are inserted, never updated, deleted or truncated. The command
-- service's role has no privilege to change them (R__privileges.sql); this trigger refuses it to every role,
-- the table's owner included, so that a change needs a deliberate step a DBA takes (disabling the trigger) and
-- that the audit chain then catches. PostgreSQL only: on the embedded H2 default a trigger is a Java class.

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger.domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation',
              DETAIL = 'Events are the permanent record of the ledger; they are never changed or removed.',
              HINT = 'Record a correcting event through the command service instead.';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
