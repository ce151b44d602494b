-- The audit log: append-only and hash-chained. Every row belongs to one chain: its organization's
-- ('org:<uuid>'), or, for events outside any organization (sign-up, password change, ...), the acting
-- user's ('user:<uuid>'), or else the system chain ('system'). Within a chain, seq counts 1, 2, 3, ...
-- and hash = SHA-256(canonical content || prev_hash) (see docs/audit-actions.md, "Hash chain").

-- One row per chain: the head (last written row) serializes writers (SELECT ... FOR UPDATE) and lets the
-- verifier notice rows cut off the end; the anchor (last purged row) is where verification starts.
CREATE TABLE audit_chains
(
    chain            TEXT                     NOT NULL PRIMARY KEY,
    organization_id  UUID,
    head_seq         BIGINT                   NOT NULL DEFAULT 0,
    head_hash        BYTEA                    NOT NULL,
    head_recorded_at TIMESTAMP WITH TIME ZONE,
    anchor_seq       BIGINT                   NOT NULL DEFAULT 0,
    anchor_hash      BYTEA                    NOT NULL,
    purged_count     BIGINT                   NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT audit_chains_hashes_are_sha256 CHECK (octet_length(head_hash) = 32 AND octet_length(anchor_hash) = 32),
    CONSTRAINT audit_chains_anchor_not_after_head CHECK (anchor_seq <= head_seq)
);
CREATE UNIQUE INDEX audit_chains_organization_idx ON audit_chains (organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE audit_events
(
    id              UUID                     NOT NULL PRIMARY KEY,
    chain           TEXT                     NOT NULL,
    seq             BIGINT                   NOT NULL,
    organization_id UUID,
    workspace_id    UUID,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id   UUID,
    actor_email     TEXT,
    actor_system    TEXT,
    action          TEXT                     NOT NULL,
    target_type     TEXT,
    target_id       TEXT,
    ip              TEXT,
    user_agent      TEXT,
    request_id      TEXT,
    details         JSONB                    NOT NULL,
    prev_hash       BYTEA                    NOT NULL,
    hash            BYTEA                    NOT NULL,
    CONSTRAINT audit_events_chain_seq_key UNIQUE (chain, seq),
    CONSTRAINT audit_events_has_actor CHECK (actor_user_id IS NOT NULL OR actor_system IS NOT NULL),
    CONSTRAINT audit_events_hashes_are_sha256 CHECK (octet_length(hash) = 32 AND octet_length(prev_hash) = 32)
);
-- The viewer's filters, newest first, always within one organization.
CREATE INDEX audit_events_org_time_idx ON audit_events (organization_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_org_workspace_time_idx ON audit_events (organization_id, workspace_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_org_actor_time_idx ON audit_events (organization_id, actor_user_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_org_action_time_idx ON audit_events (organization_id, action, occurred_at DESC, id DESC);
CREATE INDEX audit_events_org_target_idx ON audit_events (organization_id, target_type, target_id);
-- The purge: recorded_at grows with seq inside a chain, so the expired rows are a prefix of it.
CREATE INDEX audit_events_chain_recorded_idx ON audit_events (chain, recorded_at);

-- Append-only: UPDATE, DELETE and TRUNCATE raise, except DELETE inside a transaction where the retention
-- purge ran SELECT set_config('tttools.audit_purge', 'on', true). This stops mistakes and casual edits; a
-- superuser can still disable the trigger, which is what the hash chain is there to reveal.
CREATE FUNCTION audit_reject_changes() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('tttools.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s is append-only: %s is not allowed', TG_TABLE_NAME, TG_OP),
        HINT = 'Rows are removed only by the retention purge.';
END
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_reject_changes();
CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_changes();
