-- The notifications outbox. A notification is what one user sees in the app (the bell); each channel it goes out
-- on gets a delivery, written in the same transaction as the event that caused it and sent afterwards by a
-- db-scheduler task. Transactional mail (verification, reset, invitation) is a delivery without a notification:
-- its rendered content is sealed (it holds single-use links) and dropped once the delivery is final.
CREATE TABLE notifications
(
    id           UUID        PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    workspace_id UUID        REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type   TEXT        NOT NULL CHECK (char_length(event_type) BETWEEN 1 AND 100),
    title        TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    body         TEXT        NOT NULL CHECK (char_length(body) <= 4000),
    link         TEXT        CHECK (char_length(link) <= 2000),
    dedup_key    TEXT        CHECK (char_length(dedup_key) <= 300),
    actions      JSONB       NOT NULL DEFAULT '[]',
    digest       TEXT        NOT NULL DEFAULT 'NONE' CHECK (digest IN ('NONE', 'HOURLY', 'DAILY')),
    digested_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_dedup ON notifications (user_id, dedup_key, created_at) WHERE dedup_key IS NOT NULL;
CREATE INDEX notifications_digest_pending ON notifications (user_id, created_at) WHERE digest <> 'NONE' AND digested_at IS NULL;

CREATE TABLE notification_deliveries
(
    id                  UUID        PRIMARY KEY,
    notification_id     UUID        REFERENCES notifications (id) ON DELETE CASCADE,
    user_id             UUID        REFERENCES users (id) ON DELETE CASCADE,
    workspace_id        UUID        REFERENCES workspaces (id) ON DELETE CASCADE,
    channel             TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'TELEGRAM')),
    address             TEXT        CHECK (char_length(address) <= 320),
    template            TEXT        NOT NULL CHECK (char_length(template) BETWEEN 1 AND 100),
    subject             TEXT        CHECK (char_length(subject) <= 300),
    content_key_id      TEXT,
    content_nonce       BYTEA,
    content             BYTEA,
    status              TEXT        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED')),
    provider            TEXT,
    provider_message_id TEXT,
    attempts            INT         NOT NULL DEFAULT 0,
    last_error          TEXT        CHECK (char_length(last_error) <= 500),
    next_attempt_at     TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_deliveries_workspace ON notification_deliveries (workspace_id, created_at DESC, id DESC)
    WHERE workspace_id IS NOT NULL;
CREATE INDEX notification_deliveries_provider_id ON notification_deliveries (provider, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
CREATE INDEX notification_deliveries_queued ON notification_deliveries (created_at) WHERE status = 'QUEUED';

-- Provider webhook events already applied (Resend's svix-id is stable across its retries).
CREATE TABLE notification_webhook_events
(
    provider    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL CHECK (char_length(event_id) BETWEEN 1 AND 300),
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Per user and event type: the channels wanted and whether they come one by one or as a digest. No row means
-- the event type's defaults.
CREATE TABLE notification_preferences
(
    user_id    UUID   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_type TEXT   NOT NULL CHECK (char_length(event_type) BETWEEN 1 AND 100),
    channels   TEXT[] NOT NULL,
    digest     TEXT   NOT NULL CHECK (digest IN ('NONE', 'HOURLY', 'DAILY')),
    PRIMARY KEY (user_id, event_type)
);
