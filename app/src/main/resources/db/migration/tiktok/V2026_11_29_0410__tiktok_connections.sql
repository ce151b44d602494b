-- TikTok connections of a workspace and their health. Tokens are not here: they live sealed in tiktok_token
-- (keyed by the same connection id). A DISCONNECTED row stays (synced data refers to it) but has no tokens.
CREATE TABLE tiktok_connection (
    id                    uuid        PRIMARY KEY,
    workspace_id          uuid        NOT NULL,
    organization_id       uuid        NOT NULL,
    -- ADVERTISER: Marketing API grant from /portal/auth (token never expires);
    -- TT_USER: TikTok account grant (24 h access token, refreshed by tiktok-token-refresh)
    kind                  text        NOT NULL CHECK (kind IN ('ADVERTISER', 'TT_USER')),
    status                text        NOT NULL CHECK (status IN ('ACTIVE', 'NEEDS_REAUTH', 'ERROR', 'DISCONNECTED')),
    scopes                bigint[]    NOT NULL DEFAULT '{}',
    granted_advertisers   text[]      NOT NULL DEFAULT '{}',
    -- what the last successful health check saw, and what changed against the check before it
    seen_advertisers      text[],
    new_advertisers       text[]      NOT NULL DEFAULT '{}',
    lost_advertisers      text[]      NOT NULL DEFAULT '{}',
    token_expires_at      timestamptz,
    connected_by          uuid        NOT NULL,
    connected_at          timestamptz NOT NULL,
    last_checked_at       timestamptz,
    last_success_at       timestamptz,
    last_sync_at          timestamptz,
    last_error_code       integer,
    last_error_message    text,
    last_error_request_id text,
    last_error_at         timestamptz,
    disconnected_by       uuid,
    disconnected_at       timestamptz
);

CREATE INDEX tiktok_connection_workspace ON tiktok_connection (workspace_id, connected_at);
CREATE INDEX tiktok_connection_live ON tiktok_connection (last_checked_at) WHERE status <> 'DISCONNECTED';

-- OAuth state of a connect flow in progress: only the SHA-256 of the random state is kept, bound to the user,
-- the session (hash of its id; null when started with a personal access token) and the workspace.
-- Single use (used_at) and short-lived (expires_at); rows older than a day are removed by the health task.
CREATE TABLE tiktok_oauth_state (
    state_hash   bytea       PRIMARY KEY CHECK (octet_length(state_hash) = 32),
    user_id      uuid        NOT NULL,
    session_hash bytea,
    workspace_id uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);

-- A token that was deleted with its connection but could not be revoked at TikTok yet. Sealed like
-- tiktok_token (associated data: workspace | connection | 'tiktok.pending_revocation'); the one-time task
-- tiktok-token-revocation retries it and deletes the row after TikTok confirmed (or after the last attempt).
CREATE TABLE tiktok_pending_revocation (
    id            uuid        PRIMARY KEY,
    workspace_id  uuid        NOT NULL,
    connection_id uuid        NOT NULL,
    key_id        text        NOT NULL,
    nonce         bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext    bytea       NOT NULL CHECK (octet_length(ciphertext) > 16),
    attempts      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL
);
