-- TOTP two-factor sign-in. The secret is sealed by the token vault (AES-256-GCM, key id beside it); a row
-- without enabled_at is a setup not yet confirmed with a code. last_used_step stops code replay.
CREATE TABLE user_two_factor
(
    user_id           UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_key_id     TEXT        NOT NULL,
    secret_nonce      BYTEA       NOT NULL,
    secret_ciphertext BYTEA       NOT NULL,
    enabled_at        TIMESTAMPTZ,
    last_used_step    BIGINT      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL
);

-- Single-use recovery codes, stored as SHA-256 (they are 50 random bits each and single-use).
CREATE TABLE user_recovery_codes
(
    id        UUID PRIMARY KEY,
    user_id   UUID  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,
    used_at   TIMESTAMPTZ
);
CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id);
