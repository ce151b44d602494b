-- Personal and organization data exports. The row's id is the id of the job that builds it (jobs module);
-- the ZIP lives here (bytea, so every node can serve it) and is answered only to owner_user_id until expires_at.
CREATE TABLE privacy_exports
(
    id              UUID PRIMARY KEY,
    owner_user_id   UUID        NOT NULL,
    organization_id UUID,
    zip             BYTEA,
    size_bytes      BIGINT,
    created_at      TIMESTAMPTZ NOT NULL,
    ready_at        TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ
);
CREATE INDEX privacy_exports_owner_idx ON privacy_exports (owner_user_id, created_at DESC);
CREATE INDEX privacy_exports_expiry_idx ON privacy_exports (expires_at) WHERE zip IS NOT NULL;

-- Account deletions: requested now, erased after the grace period by the daily purge (unless the owner signs
-- in before, which deletes the row). No personal data here: the user id and a stable tombstone only.
CREATE TABLE account_deletions
(
    user_id      UUID PRIMARY KEY,
    tombstone    TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    purge_after  TIMESTAMPTZ NOT NULL,
    purged_at    TIMESTAMPTZ
);
CREATE INDEX account_deletions_due_idx ON account_deletions (purge_after) WHERE purged_at IS NULL;
