-- Daily performance facts as TikTok reports them: one row per (workspace, level, entity, advertiser-local
-- date), additive base metrics only (ratios are computed from sums at query time). Money in the
-- advertiser's currency, as an exact decimal. The primary key starts with the tenant.
CREATE TABLE report_daily_facts
(
    workspace_id  UUID           NOT NULL,
    level         TEXT           NOT NULL CHECK (level IN ('ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD')),
    entity_id     TEXT           NOT NULL,
    stat_date     DATE           NOT NULL,
    advertiser_id TEXT           NOT NULL,
    campaign_id   TEXT,
    adgroup_id    TEXT,
    entity_name   TEXT,
    currency      TEXT           NOT NULL,
    spend         NUMERIC(20, 6) NOT NULL DEFAULT 0,
    impressions   BIGINT         NOT NULL DEFAULT 0,
    clicks        BIGINT         NOT NULL DEFAULT 0,
    conversions   BIGINT         NOT NULL DEFAULT 0,
    results       BIGINT         NOT NULL DEFAULT 0,
    video_views   BIGINT         NOT NULL DEFAULT 0,
    reach         BIGINT,
    pulled_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (workspace_id, level, entity_id, stat_date)
);
CREATE INDEX report_daily_facts_level_date_idx ON report_daily_facts (workspace_id, level, stat_date);
CREATE INDEX report_daily_facts_advertiser_idx ON report_daily_facts (workspace_id, advertiser_id, level, stat_date);

-- Finality ledger: per advertiser and day, when it was pulled, how often, and what the last re-pull changed.
-- A day is provisional while inside the restatement window, settled after it.
CREATE TABLE report_finality
(
    workspace_id           UUID           NOT NULL,
    advertiser_id          TEXT           NOT NULL,
    stat_date              DATE           NOT NULL,
    first_pulled_at        TIMESTAMPTZ    NOT NULL,
    last_pulled_at         TIMESTAMPTZ    NOT NULL,
    pull_count             INT            NOT NULL,
    last_rows_changed      INT            NOT NULL,
    last_spend_delta       NUMERIC(20, 6) NOT NULL,
    last_conversions_delta BIGINT         NOT NULL,
    PRIMARY KEY (workspace_id, advertiser_id, stat_date)
);
