-- Report facts, tuned for the bulk write and the report queries (see docs/reporting.md, "Write path").
-- 1. One index instead of three: the primary key, ordered (workspace, level, day, advertiser, entity). It serves the
--    reports' range "workspace, level, days" (so report_daily_facts_level_date_idx goes) and, with the advertiser in
--    the key, an advertiser filter is checked in the index without visiting other advertisers' rows (so
--    report_daily_facts_advertiser_idx goes). Every written row maintains one index instead of three, and the rows
--    of one pull (one advertiser) land as one run per level and day.
--    The key includes the advertiser: an entity id belongs to one advertiser for good (TikTok's ids are global, an
--    advertiser-level row's entity is the advertiser itself), so (workspace, level, day, entity) stays unique.
-- 2. Ids, levels and currency codes compare byte-wise (collation "C"): they are ASCII codes whose order does not
--    change, and every B-tree insert, lookup and sort on them skips the locale's comparison rules.
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
ALTER TABLE report_daily_facts
    ADD CONSTRAINT report_daily_facts_pkey PRIMARY KEY (workspace_id, level, stat_date, advertiser_id, entity_id);

ALTER TABLE report_finality DROP CONSTRAINT report_finality_pkey;
ALTER TABLE report_finality ALTER COLUMN advertiser_id TYPE TEXT COLLATE "C";
ALTER TABLE report_finality ADD CONSTRAINT report_finality_pkey PRIMARY KEY (workspace_id, advertiser_id, stat_date);
