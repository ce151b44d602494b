-- Personal access tokens for the API. Only the SHA-256 of the token is kept; the token is shown once.
CREATE TABLE personal_access_tokens
(
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    token_hash   BYTEA       NOT NULL,
    read_only    BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    last_used_ip TEXT,
    revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX personal_access_tokens_hash_uq ON personal_access_tokens (token_hash);
CREATE INDEX personal_access_tokens_user_idx ON personal_access_tokens (user_id, created_at DESC);
