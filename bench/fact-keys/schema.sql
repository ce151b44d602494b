-- lab schema: variants of report_daily_facts (partitioned by month May..Oct 2026 + default)
DROP SCHEMA IF EXISTS lab CASCADE;
CREATE SCHEMA lab;
SET search_path = lab;
CREATE FUNCTION mk(name text, idtype text, key text, partitioned bool) RETURNS void LANGUAGE plpgsql AS $$
DECLARE m int;
BEGIN
  EXECUTE format($f$CREATE TABLE %I (
    workspace_id uuid NOT NULL,
    level text COLLATE "C" NOT NULL CHECK (level IN ('ADVERTISER','CAMPAIGN','ADGROUP','AD')),
    entity_id %2$s NOT NULL, stat_date date NOT NULL, advertiser_id %2$s NOT NULL,
    campaign_id %2$s, adgroup_id %2$s, entity_name text, currency text COLLATE "C" NOT NULL,
    spend numeric(20,6) NOT NULL DEFAULT 0, impressions bigint NOT NULL DEFAULT 0, clicks bigint NOT NULL DEFAULT 0,
    conversions bigint NOT NULL DEFAULT 0, results bigint NOT NULL DEFAULT 0, video_views bigint NOT NULL DEFAULT 0,
    reach bigint, pulled_at timestamptz NOT NULL,
    video_watched_2s int NOT NULL DEFAULT 0, video_watched_6s int NOT NULL DEFAULT 0, video_views_p25 int NOT NULL DEFAULT 0,
    video_views_p50 int NOT NULL DEFAULT 0, video_views_p75 int NOT NULL DEFAULT 0, video_views_p100 int NOT NULL DEFAULT 0,
    likes int NOT NULL DEFAULT 0, comments int NOT NULL DEFAULT 0, shares int NOT NULL DEFAULT 0, follows int NOT NULL DEFAULT 0,
    profile_visits int NOT NULL DEFAULT 0 %3$s) %4$s$f$,
    name, CASE idtype WHEN 'text' THEN 'text COLLATE "C"' ELSE idtype END,
    CASE WHEN key IS NULL THEN '' ELSE ', PRIMARY KEY (' || key || ')' END,
    CASE WHEN partitioned THEN 'PARTITION BY RANGE (stat_date)' ELSE '' END);
  IF partitioned THEN
    FOR m IN 5..10 LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name || '_m' || m, name,
                     make_date(2026, m, 1), make_date(2026, m, 1) + interval '1 month');
    END LOOP;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', name || '_def', name);
  END IF;
END $$;
SELECT mk('raw_t', 'text', NULL, false);
SELECT mk('raw_b', 'bigint', NULL, false);
SELECT mk('part_t', 'text', NULL, true);
SELECT mk('t_day', 'text', 'workspace_id, level, stat_date, advertiser_id, entity_id', true);
SELECT mk('t_adv', 'text', 'workspace_id, level, advertiser_id, stat_date, entity_id', true);
SELECT mk('b_day', 'bigint', 'workspace_id, level, stat_date, advertiser_id, entity_id', true);
SELECT mk('b_adv', 'bigint', 'workspace_id, level, advertiser_id, stat_date, entity_id', true);
