-- Facts by month, step 3 of 3: report_daily_facts becomes a table partitioned by RANGE (stat_date). Catalogue changes
-- only, no row is copied or rewritten: the old table is renamed and attached as the partition of every day before the
-- bound (its CHECK constraint proves it, so ATTACH does not scan; its primary key becomes the parent's key's partition
-- without a rebuild). Months from the bound on get their own partitions, created ahead by the daily task
-- "reporting-fact-partitions" and on demand by the fact writer (FactPartitions). A DEFAULT partition catches a day
-- no partition covers; it stays empty in normal operation, and the daily task reports any row in it.
-- A fresh database (no fact yet) drops the empty old table instead, so all its facts go into monthly partitions.
-- The primary key keeps workspace_id first (and every unique key must hold stat_date, the partition key).
ALTER TABLE report_daily_facts RENAME TO report_daily_facts_legacy;
ALTER TABLE report_daily_facts_legacy RENAME CONSTRAINT report_daily_facts_pkey TO report_daily_facts_legacy_pkey;

CREATE TABLE report_daily_facts
(
    workspace_id     UUID             NOT NULL,
    level            TEXT COLLATE "C" NOT NULL
        CONSTRAINT report_daily_facts_level_check CHECK (level IN ('ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD')),
    entity_id        TEXT COLLATE "C" NOT NULL,
    stat_date        DATE             NOT NULL,
    advertiser_id    TEXT COLLATE "C" NOT NULL,
    campaign_id      TEXT COLLATE "C",
    adgroup_id       TEXT COLLATE "C",
    entity_name      TEXT,
    currency         TEXT COLLATE "C" NOT NULL,
    spend            NUMERIC(20, 6)   NOT NULL DEFAULT 0,
    impressions      BIGINT           NOT NULL DEFAULT 0,
    clicks           BIGINT           NOT NULL DEFAULT 0,
    conversions      BIGINT           NOT NULL DEFAULT 0,
    results          BIGINT           NOT NULL DEFAULT 0,
    video_views      BIGINT           NOT NULL DEFAULT 0,
    reach            BIGINT,
    pulled_at        TIMESTAMPTZ      NOT NULL,
    video_watched_2s INTEGER          NOT NULL DEFAULT 0,
    video_watched_6s INTEGER          NOT NULL DEFAULT 0,
    video_views_p25  INTEGER          NOT NULL DEFAULT 0,
    video_views_p50  INTEGER          NOT NULL DEFAULT 0,
    video_views_p75  INTEGER          NOT NULL DEFAULT 0,
    video_views_p100 INTEGER          NOT NULL DEFAULT 0,
    likes            INTEGER          NOT NULL DEFAULT 0,
    comments         INTEGER          NOT NULL DEFAULT 0,
    shares           INTEGER          NOT NULL DEFAULT 0,
    follows          INTEGER          NOT NULL DEFAULT 0,
    profile_visits   INTEGER          NOT NULL DEFAULT 0,
    CONSTRAINT report_daily_facts_pkey PRIMARY KEY (workspace_id, level, stat_date, advertiser_id, entity_id)
) PARTITION BY RANGE (stat_date);

CREATE TABLE report_daily_facts_default PARTITION OF report_daily_facts DEFAULT;

DO $$
DECLARE
    bound date;
BEGIN
    IF EXISTS (SELECT 1 FROM report_daily_facts_legacy) THEN
        SELECT substring(pg_get_constraintdef(oid) FROM '\d{4}-\d{2}-\d{2}')::date
        INTO STRICT bound
        FROM pg_constraint
        WHERE conrelid = 'report_daily_facts_legacy'::regclass AND conname = 'report_daily_facts_before_bound'
          AND convalidated;
        EXECUTE format('ALTER TABLE report_daily_facts ATTACH PARTITION report_daily_facts_legacy'
                       ' FOR VALUES FROM (MINVALUE) TO (%L)', bound);
    ELSE
        DROP TABLE report_daily_facts_legacy;
    END IF;
END
$$;
