-- The other counts TikTok reports per entity and day: the video funnel and engagement. Additive like the others.
ALTER TABLE report_daily_facts
    ADD COLUMN video_watched_2s BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN video_watched_6s BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p25  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p50  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p75  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN video_views_p100 BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN likes            BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN comments         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares           BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN follows          BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN profile_visits   BIGINT NOT NULL DEFAULT 0;
