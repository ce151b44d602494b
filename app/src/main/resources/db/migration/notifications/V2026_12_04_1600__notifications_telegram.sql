-- Telegram: a user's linked private chat (one per user), the one-time codes of the deep link that links it (only
-- their SHA-256 is kept), and the long-polling offset (one row: db-scheduler runs the poll on one node at a time).
CREATE TABLE telegram_links
(
    user_id         UUID PRIMARY KEY,
    chat_id         BIGINT      NOT NULL,
    linked_at       TIMESTAMPTZ NOT NULL,
    disabled_at     TIMESTAMPTZ,            -- the bot was blocked (403): nothing is sent until linked again
    disabled_reason TEXT
);
CREATE INDEX telegram_links_chat_idx ON telegram_links (chat_id);

CREATE TABLE telegram_link_codes
(
    code_hash  BYTEA PRIMARY KEY,
    user_id    UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX telegram_link_codes_user_idx ON telegram_link_codes (user_id);
CREATE INDEX telegram_link_codes_expiry_idx ON telegram_link_codes (expires_at);

CREATE TABLE telegram_poll_state
(
    singleton   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    next_offset BIGINT NOT NULL
);
