-- Accounts. Users are global (one account, many organizations); tenant data lives in tenancy's tables.
CREATE TABLE users
(
    id                  UUID PRIMARY KEY,
    email               TEXT        NOT NULL,
    email_normalized    TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    password_hash       TEXT        NOT NULL,
    email_verified_at   TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT users_email_length CHECK (char_length(email) <= 254),
    CONSTRAINT users_name_length CHECK (char_length(name) BETWEEN 1 AND 200)
);
CREATE UNIQUE INDEX users_email_normalized_uq ON users (email_normalized);

-- Single-use tokens sent by email (verification, password reset, email change). Only a SHA-256 of the token
-- is stored, so a database dump does not hand out working links.
CREATE TABLE user_email_tokens
(
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    token_hash BYTEA       NOT NULL,
    new_email  TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX user_email_tokens_hash_uq ON user_email_tokens (token_hash);
CREATE INDEX user_email_tokens_user_idx ON user_email_tokens (user_id, purpose);
