-- the merge path on one realistic batch (re-pull of a 30-day window): unchanged, and with every row's numbers changed
SET search_path = lab;
\set vals 'spend, impressions, clicks, conversions, results, video_views, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, reach, currency, campaign_id, adgroup_id, entity_name'
CREATE TABLE IF NOT EXISTS report_finality AS SELECT DISTINCT workspace_id, advertiser_id::text COLLATE "C" AS advertiser_id, stat_date, now() AS first_pulled_at, now() AS last_pulled_at, 1 AS pull_count, 0 AS last_rows_changed, 0::numeric(20,6) AS last_spend_delta, 0::bigint AS last_conversions_delta FROM src;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'report_finality' AND schemaname = 'lab') THEN
  ALTER TABLE report_finality ADD PRIMARY KEY (workspace_id, advertiser_id, stat_date); END IF; END $$;
VACUUM ANALYZE t_day;
VACUUM ANALYZE report_finality;
SELECT batch AS b FROM batches WHERE seq = 37 \gset
SELECT n FROM batches WHERE seq = 37;
BEGIN;
CREATE TEMP TABLE report_facts_staging (LIKE t_day INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;
SELECT current_setting('data_directory') || '/fact_keys_lab/t_' || :b || '.bin' AS f \gset
COPY report_facts_staging FROM :'f' (FORMAT binary);
ANALYZE report_facts_staging;
\echo ---- ledger statement (unchanged re-pull)
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF)
INSERT INTO report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at, last_pulled_at, pull_count, last_rows_changed, last_spend_delta, last_conversions_delta)
SELECT s.workspace_id, s.advertiser_id, s.stat_date, now(), now(), 1,
       count(*) FILTER (WHERE f.entity_id IS NULL OR (f.spend, f.impressions, f.clicks, f.conversions, f.results, f.video_views, f.reach) IS DISTINCT FROM (s.spend, s.impressions, s.clicks, s.conversions, s.results, s.video_views, s.reach)),
       coalesce(sum(s.spend - coalesce(f.spend, 0)) FILTER (WHERE s.level = 'ADVERTISER'), 0),
       coalesce(sum(s.conversions - coalesce(f.conversions, 0)) FILTER (WHERE s.level = 'ADVERTISER'), 0)
FROM report_facts_staging s LEFT JOIN t_day f ON f.workspace_id = s.workspace_id AND f.level = s.level AND f.stat_date = s.stat_date AND f.advertiser_id = s.advertiser_id AND f.entity_id = s.entity_id
GROUP BY s.workspace_id, s.advertiser_id, s.stat_date
ON CONFLICT (workspace_id, advertiser_id, stat_date) DO UPDATE SET last_pulled_at = EXCLUDED.last_pulled_at, pull_count = report_finality.pull_count + 1,
   last_rows_changed = EXCLUDED.last_rows_changed, last_spend_delta = EXCLUDED.last_spend_delta, last_conversions_delta = EXCLUDED.last_conversions_delta;
\echo ---- merge (unchanged re-pull)
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF)
INSERT INTO t_day SELECT * FROM report_facts_staging
ON CONFLICT (workspace_id, level, stat_date, advertiser_id, entity_id) DO UPDATE SET
  spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks, conversions = EXCLUDED.conversions, results = EXCLUDED.results, video_views = EXCLUDED.video_views,
  video_watched_2s = EXCLUDED.video_watched_2s, video_watched_6s = EXCLUDED.video_watched_6s, video_views_p25 = EXCLUDED.video_views_p25, video_views_p50 = EXCLUDED.video_views_p50,
  video_views_p75 = EXCLUDED.video_views_p75, video_views_p100 = EXCLUDED.video_views_p100, likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
  follows = EXCLUDED.follows, profile_visits = EXCLUDED.profile_visits, reach = EXCLUDED.reach, currency = EXCLUDED.currency, campaign_id = EXCLUDED.campaign_id,
  adgroup_id = EXCLUDED.adgroup_id, entity_name = EXCLUDED.entity_name, pulled_at = EXCLUDED.pulled_at
WHERE (t_day.spend, t_day.impressions, t_day.clicks, t_day.conversions, t_day.results, t_day.video_views, t_day.video_watched_2s, t_day.video_watched_6s, t_day.video_views_p25, t_day.video_views_p50, t_day.video_views_p75, t_day.video_views_p100, t_day.likes, t_day.comments, t_day.shares, t_day.follows, t_day.profile_visits, t_day.reach, t_day.currency, t_day.campaign_id, t_day.adgroup_id, t_day.entity_name)
  IS DISTINCT FROM (EXCLUDED.spend, EXCLUDED.impressions, EXCLUDED.clicks, EXCLUDED.conversions, EXCLUDED.results, EXCLUDED.video_views, EXCLUDED.video_watched_2s, EXCLUDED.video_watched_6s, EXCLUDED.video_views_p25, EXCLUDED.video_views_p50, EXCLUDED.video_views_p75, EXCLUDED.video_views_p100, EXCLUDED.likes, EXCLUDED.comments, EXCLUDED.shares, EXCLUDED.follows, EXCLUDED.profile_visits, EXCLUDED.reach, EXCLUDED.currency, EXCLUDED.campaign_id, EXCLUDED.adgroup_id, EXCLUDED.entity_name);
\echo ---- merge with every row changed (restated numbers)
UPDATE report_facts_staging SET impressions = impressions + 1;
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF)
INSERT INTO t_day SELECT * FROM report_facts_staging
ON CONFLICT (workspace_id, level, stat_date, advertiser_id, entity_id) DO UPDATE SET
  spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks, conversions = EXCLUDED.conversions, results = EXCLUDED.results, video_views = EXCLUDED.video_views,
  video_watched_2s = EXCLUDED.video_watched_2s, video_watched_6s = EXCLUDED.video_watched_6s, video_views_p25 = EXCLUDED.video_views_p25, video_views_p50 = EXCLUDED.video_views_p50,
  video_views_p75 = EXCLUDED.video_views_p75, video_views_p100 = EXCLUDED.video_views_p100, likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
  follows = EXCLUDED.follows, profile_visits = EXCLUDED.profile_visits, reach = EXCLUDED.reach, currency = EXCLUDED.currency, campaign_id = EXCLUDED.campaign_id,
  adgroup_id = EXCLUDED.adgroup_id, entity_name = EXCLUDED.entity_name, pulled_at = EXCLUDED.pulled_at
WHERE (t_day.spend, t_day.impressions, t_day.clicks, t_day.conversions, t_day.results, t_day.video_views, t_day.video_watched_2s, t_day.video_watched_6s, t_day.video_views_p25, t_day.video_views_p50, t_day.video_views_p75, t_day.video_views_p100, t_day.likes, t_day.comments, t_day.shares, t_day.follows, t_day.profile_visits, t_day.reach, t_day.currency, t_day.campaign_id, t_day.adgroup_id, t_day.entity_name)
  IS DISTINCT FROM (EXCLUDED.spend, EXCLUDED.impressions, EXCLUDED.clicks, EXCLUDED.conversions, EXCLUDED.results, EXCLUDED.video_views, EXCLUDED.video_watched_2s, EXCLUDED.video_watched_6s, EXCLUDED.video_views_p25, EXCLUDED.video_views_p50, EXCLUDED.video_views_p75, EXCLUDED.video_views_p100, EXCLUDED.likes, EXCLUDED.comments, EXCLUDED.shares, EXCLUDED.follows, EXCLUDED.profile_visits, EXCLUDED.reach, EXCLUDED.currency, EXCLUDED.campaign_id, EXCLUDED.adgroup_id, EXCLUDED.entity_name);
ROLLBACK;
\echo ---- index / table sizes
SELECT relname, relkind, pg_size_pretty(pg_relation_size(oid)) FROM pg_class WHERE relnamespace = 'lab'::regnamespace AND relname ~ '^(t_day|b_day|t_adv|b_adv|raw_t|raw_b|part_t)' AND relkind IN ('r','i') ORDER BY relname;
