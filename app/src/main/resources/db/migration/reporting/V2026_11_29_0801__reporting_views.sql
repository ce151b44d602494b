-- Saved report views: a name and the query (level, range preset or dates, metrics, grouping, filters),
-- private to their owner or shared with the workspace.
CREATE TABLE report_views
(
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    owner_id     UUID        NOT NULL,
    name         TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    visibility   TEXT        NOT NULL CHECK (visibility IN ('PRIVATE', 'WORKSPACE')),
    query        JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_views_workspace_idx ON report_views (workspace_id, created_at DESC);
