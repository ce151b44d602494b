-- Erasure of a deleted account's personal data from the audit log (docs/privacy.md). audit_events stay
-- append-only, except for one kind of UPDATE: inside a transaction that ran
-- SELECT set_config('tttools.audit_erasure', 'on', true), actor_email, ip, user_agent and details may change and
-- nothing else. Each erased row is listed in audit_erasures; the chain verifier checks such a row's links
-- (seq, prev_hash, hash) but not its content, which no longer matches the hash by design.
CREATE TABLE audit_erasures
(
    event_id  UUID                     NOT NULL PRIMARY KEY,
    chain     TEXT                     NOT NULL,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_erasures_chain_idx ON audit_erasures (chain);

-- The same trigger name as before (audit_events_append_only), now with a function that also lets the erasure
-- through; DELETE still needs the purge's setting, and every other change raises as before.
CREATE FUNCTION audit_events_reject_changes() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('tttools.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('tttools.audit_erasure', true) = 'on'
        AND NEW.id = OLD.id AND NEW.chain = OLD.chain AND NEW.seq = OLD.seq
        AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
        AND NEW.workspace_id IS NOT DISTINCT FROM OLD.workspace_id
        AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at
        AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
        AND NEW.actor_system IS NOT DISTINCT FROM OLD.actor_system
        AND NEW.action = OLD.action
        AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type
        AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id
        AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
        AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s is append-only: %s is not allowed', TG_TABLE_NAME, TG_OP),
        HINT = 'Rows are removed only by the retention purge, and changed only by the erasure of a deleted account.';
END
$$;

DROP TRIGGER audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_reject_changes();
