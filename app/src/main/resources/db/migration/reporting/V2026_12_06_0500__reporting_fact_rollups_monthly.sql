-- Monthly rollup of the daily facts (docs/reporting.md, "Rollups"): the same rows as the weekly report_fact_rollups
-- (V2026_12_05_0200), per entity and calendar month instead of week; bucket_start is the month's first day. A report
-- reads whole months from here, whole weeks of the months it covers only in part from the weekly rollup, and the
-- remaining days from the daily facts, so a 90-day range reads about 2 monthly and 4 weekly rows per entity instead of
-- 12 or 13 weekly ones. Kept by the fact writer in the write's own transaction with the weekly one (FactRollups).
CREATE TABLE report_fact_rollups_monthly
(
    workspace_id     UUID             NOT NULL,
    level            TEXT COLLATE "C" NOT NULL,
    bucket_start     DATE             NOT NULL,
    advertiser_id    TEXT COLLATE "C" NOT NULL,
    entity_id        TEXT COLLATE "C" NOT NULL,
    currency         TEXT COLLATE "C" NOT NULL,
    campaign_id      TEXT COLLATE "C",
    adgroup_id       TEXT COLLATE "C",
    entity_name      TEXT,
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
    CONSTRAINT report_fact_rollups_monthly_key UNIQUE NULLS NOT DISTINCT
        (workspace_id, level, bucket_start, advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name)
) WITH (fillfactor = 90);

-- A week bucket never crosses a month boundary, so a month is the sum of its weeks.
INSERT INTO report_fact_rollups_monthly
SELECT workspace_id, level, date_trunc('month', bucket_start::timestamp)::date, advertiser_id, entity_id, currency,
       campaign_id, adgroup_id, entity_name, sum(facts), sum(spend), sum(impressions), sum(clicks), sum(conversions),
       sum(results), sum(video_views), sum(video_watched_2s), sum(video_watched_6s), sum(video_views_p25),
       sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes), sum(comments), sum(shares),
       sum(follows), sum(profile_visits)
FROM report_fact_rollups
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- Row-level security as on every table with a workspace_id (V2026_12_04_2100).
ALTER TABLE report_fact_rollups_monthly ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON report_fact_rollups_monthly TO tttools_tenant
    USING (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid)
    WITH CHECK (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid);
