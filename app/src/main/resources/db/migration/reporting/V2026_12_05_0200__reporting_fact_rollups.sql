-- Weekly rollup of the daily facts (docs/reporting.md, "Rollups"): per entity and bucket, the sums of the additive
-- bases of its daily facts and how many facts they are. A bucket is a week (Monday to Sunday) cut at month
-- boundaries, so every bucket lies in one month (one facts partition) and a whole month is a whole number of buckets;
-- bucket_start is its first day. The attributes a report groups, filters or labels by (currency, parents, the name
-- TikTok reported) are part of the key, so a filter or max() over rollup rows gives what it gives over the facts;
-- an entity renamed in mid-week has two rows in that bucket. Kept by the fact writer in the write's own transaction
-- (FactRollups); reach is not additive and is not rolled up (reports with reach read the daily facts).
CREATE TABLE report_fact_rollups
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
    CONSTRAINT report_fact_rollups_key UNIQUE NULLS NOT DISTINCT
        (workspace_id, level, bucket_start, advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name)
) WITH (fillfactor = 90);

-- The facts already stored, rolled up (the same grouping FactRollups uses).
INSERT INTO report_fact_rollups
SELECT workspace_id, level, greatest(date_trunc('week', stat_date::timestamp), date_trunc('month', stat_date::timestamp))::date,
       advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name, count(*), sum(spend),
       sum(impressions), sum(clicks), sum(conversions), sum(results), sum(video_views), sum(video_watched_2s),
       sum(video_watched_6s), sum(video_views_p25), sum(video_views_p50), sum(video_views_p75),
       sum(video_views_p100), sum(likes), sum(comments), sum(shares), sum(follows), sum(profile_visits)
FROM report_daily_facts
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- Row-level security as on every table with a workspace_id (V2026_12_04_2100).
ALTER TABLE report_fact_rollups ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON report_fact_rollups TO tttools_tenant
    USING (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid)
    WITH CHECK (workspace_id = nullif(current_setting('tttools.workspace_id', true), '')::uuid);
