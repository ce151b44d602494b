-- Change sets (approved workflows, docs/bulk-operations.md): a plan of one action over many TikTok entities, one
-- line per entity with the value read from TikTok when planned (before) and the value to write (after).
CREATE TABLE bulk_change_sets
(
    id                UUID        NOT NULL PRIMARY KEY,
    workspace_id      UUID        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'EXPIRED',
                                                             'SCHEDULED', 'APPLYING', 'SUCCEEDED',
                                                             'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED')),
    action            TEXT        NOT NULL CHECK (action IN ('PAUSE', 'ENABLE', 'DELETE', 'SET_BUDGET', 'CHANGE_BUDGET')),
    level             TEXT        NOT NULL CHECK (level IN ('CAMPAIGN', 'ADGROUP', 'AD')),
    value             JSONB,                  -- amount | percent, floor, ceiling as requested
    created_by        UUID        NOT NULL,
    created_by_email  TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,   -- unapproved plans expire (24 h)
    approved_at       TIMESTAMPTZ,
    run_at            TIMESTAMPTZ,            -- a one-off scheduled run
    schedule          JSONB,                  -- {days: [MON..SUN], time: "HH:mm", timezone}: a weekly run
    next_run_at       TIMESTAMPTZ,
    revert_of         UUID,
    job_id            TEXT,
    cancel_requested  BOOLEAN     NOT NULL DEFAULT false,
    needs_approval    BOOLEAN     NOT NULL,
    approval_reasons  TEXT[]      NOT NULL DEFAULT '{}',
    totals            JSONB       NOT NULL DEFAULT '{}',
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    idempotency_key   TEXT,
    request_hash      TEXT
);
CREATE INDEX bulk_change_sets_list_idx ON bulk_change_sets (workspace_id, created_at DESC, id DESC);
CREATE INDEX bulk_change_sets_status_idx ON bulk_change_sets (workspace_id, status);
CREATE UNIQUE INDEX bulk_change_sets_idempotency_idx ON bulk_change_sets (workspace_id, created_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX bulk_change_sets_expiry_idx ON bulk_change_sets (expires_at) WHERE status = 'AWAITING_APPROVAL';
CREATE INDEX bulk_change_sets_due_idx ON bulk_change_sets (next_run_at) WHERE status = 'SCHEDULED';

-- One line per entity. status SENDING marks a chunk whose call may or may not have reached TikTok (the job
-- died during it): a resumed run re-reads those entities instead of writing them again.
CREATE TABLE bulk_change_lines
(
    change_set_id     UUID        NOT NULL REFERENCES bulk_change_sets (id) ON DELETE CASCADE,
    workspace_id      UUID        NOT NULL,
    seq               INT         NOT NULL,
    tiktok_id         TEXT        NOT NULL,
    name              TEXT,
    advertiser_id     TEXT        NOT NULL,
    connection_id     UUID        NOT NULL,
    currency          TEXT,
    before_value      JSONB       NOT NULL,   -- {status, secondaryStatus, budget, budgetMode, modifyTime}
    after_value       JSONB       NOT NULL,   -- {status} or {budget}
    warnings          JSONB       NOT NULL DEFAULT '[]',
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'APPLIED', 'SKIPPED', 'FAILED',
                                                             'VERIFIED', 'DRIFTED')),
    note              TEXT,
    error_code        INT,
    error_message     TEXT,
    error_request_id  TEXT,
    applied_at        TIMESTAMPTZ,
    PRIMARY KEY (change_set_id, seq)
);
CREATE INDEX bulk_change_lines_workspace_idx ON bulk_change_lines (workspace_id, change_set_id);

CREATE TABLE bulk_approvals
(
    change_set_id UUID        NOT NULL REFERENCES bulk_change_sets (id) ON DELETE CASCADE,
    workspace_id  UUID        NOT NULL,
    user_id       UUID        NOT NULL,
    user_email    TEXT        NOT NULL,
    decision      TEXT        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    comment       TEXT,
    at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (change_set_id, user_id)
);
CREATE INDEX bulk_approvals_workspace_idx ON bulk_approvals (workspace_id, change_set_id);

-- The workspace's approval policy and guardrails (absent: approval always, no guardrails).
CREATE TABLE bulk_policies
(
    workspace_id                 UUID        NOT NULL PRIMARY KEY,
    approval                     TEXT        NOT NULL CHECK (approval IN ('ALWAYS', 'NEVER', 'ABOVE_THRESHOLDS')),
    threshold_entities           INT,
    threshold_budget_increase    NUMERIC(18, 2),
    threshold_deletes            INT,
    max_budget_increase_percent  NUMERIC(9, 2),
    cooldown_minutes             INT,
    blackout_hours               INT[]       NOT NULL DEFAULT '{}',
    blackout_timezone            TEXT        NOT NULL DEFAULT 'UTC',
    updated_by                   UUID,
    updated_at                   TIMESTAMPTZ NOT NULL
);

-- Every change written to an entity, for the guardrails (cooldown, budget increase per day) and revert checks.
CREATE TABLE bulk_guardrail_ledger
(
    workspace_id   UUID           NOT NULL,
    level          TEXT           NOT NULL,
    tiktok_id      TEXT           NOT NULL,
    changed_at     TIMESTAMPTZ    NOT NULL,
    change_set_id  UUID           NOT NULL,
    before_budget  NUMERIC(18, 2),
    after_budget   NUMERIC(18, 2)
);
CREATE INDEX bulk_guardrail_ledger_entity_idx ON bulk_guardrail_ledger (workspace_id, level, tiktok_id, changed_at);
