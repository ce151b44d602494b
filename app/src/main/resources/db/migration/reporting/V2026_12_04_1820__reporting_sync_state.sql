-- When each workspace's report sync last succeeded, and whether its people were told that the data went stale
-- (no successful sync for tttools.reporting.stale-after). stale_notified_at is cleared by the next success, so a
-- stale stretch is told once, however often the check runs.
CREATE TABLE report_sync_state (
    workspace_id      uuid        PRIMARY KEY,
    last_success_at   timestamptz NOT NULL,
    stale_notified_at timestamptz
);

-- the stale check looks across workspaces for successes older than the limit that nobody was told about yet
CREATE INDEX report_sync_state_untold ON report_sync_state (last_success_at) WHERE stale_notified_at IS NULL;
