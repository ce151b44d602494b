-- The advertisers whose facts a workspace holds, as the last report sync saw them: their currency and timezone
-- (facts are in the advertiser's own timezone; a report spanning several says so).
CREATE TABLE report_advertisers
(
    workspace_id  UUID        NOT NULL,
    advertiser_id TEXT        NOT NULL,
    name          TEXT,
    currency      TEXT        NOT NULL,
    timezone      TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, advertiser_id)
);
