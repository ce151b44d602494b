-- The other counts TikTok reports per entity and day: the video funnel and engagement. Additive like the others;
-- INTEGER (one entity's count on one day stays far below 2^31) keeps the row, and so every write, narrower.
ALTER TABLE report_daily_facts
    ADD COLUMN video_watched_2s INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN video_watched_6s INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p25  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p50  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p75  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p100 INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN likes            INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN comments         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN shares           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN follows          INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN profile_visits   INTEGER NOT NULL DEFAULT 0;
