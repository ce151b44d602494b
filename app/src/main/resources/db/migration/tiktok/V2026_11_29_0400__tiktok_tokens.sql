-- TikTok OAuth tokens, encrypted at rest: one row per connection and kind. The value is sealed by
-- platform.crypto.TokenVault (AES-256-GCM, random 12-byte nonce, 16-byte tag appended to the ciphertext)
-- with associated data = workspace id | connection id | purpose, so a row copied elsewhere does not open.
-- key_id names the key that sealed it; re-encryption moves rows to the active key.
CREATE TABLE tiktok_token (
    connection_id uuid        NOT NULL,
    workspace_id  uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('ACCESS', 'REFRESH')),
    key_id        text        NOT NULL,
    alg           text        NOT NULL DEFAULT 'AES-256-GCM' CHECK (alg = 'AES-256-GCM'),
    nonce         bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext    bytea       NOT NULL CHECK (octet_length(ciphertext) > 16),
    expires_at    timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, kind)
);

CREATE INDEX tiktok_token_workspace ON tiktok_token (workspace_id);
CREATE INDEX tiktok_token_key ON tiktok_token (key_id);
