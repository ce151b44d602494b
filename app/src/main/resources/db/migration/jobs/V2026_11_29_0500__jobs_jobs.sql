-- User-visible background jobs (syncs, bulk operations, exports). Execution itself is db-scheduler's
-- (scheduled_tasks); this table is what users see: status, progress, attempts, errors.
CREATE TABLE jobs
(
    id               UUID PRIMARY KEY,
    workspace_id     UUID        NOT NULL,
    type             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    payload          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    checkpoint       JSONB,
    progress_done    BIGINT      NOT NULL DEFAULT 0,
    progress_total   BIGINT,
    attempts         INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL,
    last_error       TEXT,
    concurrency_key  TEXT,
    idempotency_key  TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by       UUID,
    created_at       TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_workspace_created_idx ON jobs (workspace_id, created_at DESC, id DESC);
CREATE INDEX jobs_workspace_status_idx ON jobs (workspace_id, status);
-- At most one unfinished job per concurrency key (e.g. one sync per connection at a time).
CREATE UNIQUE INDEX jobs_active_concurrency_uq ON jobs (workspace_id, concurrency_key)
    WHERE concurrency_key IS NOT NULL AND status IN ('QUEUED', 'RUNNING');
CREATE UNIQUE INDEX jobs_idempotency_uq ON jobs (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
