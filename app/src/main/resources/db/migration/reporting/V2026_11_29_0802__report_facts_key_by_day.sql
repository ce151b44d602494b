-- Report facts, tuned for the bulk write and the report queries (see docs/reporting.md, "Write path"):
-- 1. Ids, levels and currency codes compare byte-wise (collation "C"): they are ASCII codes, their order is the same,
--    and every B-tree insert, lookup and sort on them skips the locale's comparison rules.
-- 2. The primary key is ordered (workspace, level, day, entity), so it also serves the reports' range
--    "workspace, level, days" and report_daily_facts_level_date_idx is no longer needed: one index less to maintain on
--    every written row. Rows of one pull land next to each other (same days) instead of once per entity.
ALTER TABLE report_daily_facts DROP CONSTRAINT report_daily_facts_pkey;
DROP INDEX report_daily_facts_level_date_idx;
DROP INDEX report_daily_facts_advertiser_idx;
ALTER TABLE report_daily_facts
    ALTER COLUMN level TYPE TEXT COLLATE "C",
    ALTER COLUMN entity_id TYPE TEXT COLLATE "C",
    ALTER COLUMN advertiser_id TYPE TEXT COLLATE "C",
    ALTER COLUMN campaign_id TYPE TEXT COLLATE "C",
    ALTER COLUMN adgroup_id TYPE TEXT COLLATE "C",
    ALTER COLUMN currency TYPE TEXT COLLATE "C";
ALTER TABLE report_daily_facts ADD CONSTRAINT report_daily_facts_pkey PRIMARY KEY (workspace_id, level, stat_date, entity_id);
CREATE INDEX report_daily_facts_advertiser_idx ON report_daily_facts (workspace_id, advertiser_id, level, stat_date);

ALTER TABLE report_finality DROP CONSTRAINT report_finality_pkey;
ALTER TABLE report_finality ALTER COLUMN advertiser_id TYPE TEXT COLLATE "C";
ALTER TABLE report_finality ADD CONSTRAINT report_finality_pkey PRIMARY KEY (workspace_id, advertiser_id, stat_date);
