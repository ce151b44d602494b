-- The daily facts of each level summed per advertiser, day and currency (docs/reporting.md, "Rollups"): what a
-- report's totals, and its rows when they are not per entity (by date, or one row per currency), add up when no
-- filter below the advertiser applies. A 90-day total then reads one row per advertiser and day instead of one per
-- entity and day (or per entity and bucket). Exact for any range (no buckets), so days need no split. Kept by the
-- fact writer in the write's own transaction with the rollups (FactRollups); reach is not additive and not kept.
CREATE TABLE report_fact_advertiser_days
(
    workspace_id     UUID             NOT NULL,
    level            TEXT COLLATE "C" NOT NULL,
    stat_date        DATE             NOT NULL,
    advertiser_id    TEXT COLLATE "C" NOT NULL,
    currency         TEXT COLLATE "C" NOT NULL,
    facts            BIGINT           NOT NULL,
    spend            NUMERIC          NOT NULL,
    impressions      BIGINT           NOT NULL,
    clicks           BIGINT           NOT NULL,
    conversions      BIGINT           NOT NULL,
    results          BIGINT           NOT NULL,
    video_views      BIGINT           NOT NULL,
    video_watched_2s BIGINT           NOT NULL,
    video_watched_6s BIGINT           NOT NULL,
    video_views_p25  BIGINT           NOT NULL,
    video_views_p50  BIGINT           NOT NULL,
    video_views_p75  BIGINT           NOT NULL,
    video_views_p100 BIGINT           NOT NULL,
    likes            BIGINT           NOT NULL,
    comments         BIGINT           NOT NULL,
    shares           BIGINT           NOT NULL,
    follows          BIGINT           NOT NULL,
    profile_visits   BIGINT           NOT NULL,
    CONSTRAINT report_fact_advertiser_days_key UNIQUE (workspace_id, level, stat_date, advertiser_id, currency)
) WITH (fillfactor = 90);

INSERT INTO report_fact_advertiser_days
SELECT workspace_id, level, stat_date, advertiser_id, currency, count(*), sum(spend), sum(impressions), sum(clicks),
       sum(conversions), sum(results), sum(video_views), sum(video_watched_2s), sum(video_watched_6s),
       sum(video_views_p25), sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes),
       sum(comments), sum(shares), sum(follows), sum(profile_visits)
FROM report_daily_facts
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5;

-- Row-level security as on every table with a workspace_id (V2026_12_04_2100).
ALTER TABLE report_fact_advertiser_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON report_fact_advertiser_days TO tttools_tenant
    USING (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid)
    WITH CHECK (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid);
