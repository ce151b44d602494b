-- Every TikTok asset a workspace can see, of every kind, in one table (docs/inventory.md says why one table):
-- the columns the pages filter, sort and drill down on are typed; everything else TikTok sent is kept in
-- `fields` as it came. Rows are never deleted by a sync: an entity that leaves a full listing gets removed_at.
CREATE TABLE inventory_entities
(
    id                 UUID        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    workspace_id       UUID        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('BUSINESS_CENTER', 'ADVERTISER', 'IDENTITY', 'PIXEL',
                                                            'CATALOG', 'AUDIENCE', 'CAMPAIGN', 'AD_GROUP', 'AD')),
    tiktok_id          TEXT        NOT NULL,
    advertiser_id      TEXT,
    parent_tiktok_id   TEXT,          -- ad group of an ad, campaign of an ad group, business center of a catalog
    campaign_tiktok_id TEXT,
    name               TEXT,
    status             TEXT,          -- as TikTok reports it (secondary_status where there is one)
    objective          TEXT,
    fields             JSONB       NOT NULL,
    tiktok_modified_at TIMESTAMPTZ,
    connection_id      UUID        NOT NULL,
    synced_at          TIMESTAMPTZ NOT NULL,  -- start of the listing that last changed the entity
    updated_at         TIMESTAMPTZ NOT NULL,  -- last time its content changed here
    removed_at         TIMESTAMPTZ,           -- left a full listing (deleted at TikTok or access lost)
    CONSTRAINT inventory_entities_key UNIQUE (workspace_id, kind, tiktok_id)
) WITH (fillfactor = 80);
-- synced_at changes on every sync and is deliberately in no index, so that re-syncing an unchanged entity can be
-- a HOT update (no index writes); fillfactor leaves the room on the page that HOT needs.
CREATE INDEX inventory_entities_advertiser_idx ON inventory_entities (workspace_id, kind, advertiser_id);
CREATE INDEX inventory_entities_parent_idx ON inventory_entities (workspace_id, kind, parent_tiktok_id);
CREATE INDEX inventory_entities_campaign_idx ON inventory_entities (workspace_id, kind, campaign_tiktok_id);
CREATE INDEX inventory_entities_name_idx ON inventory_entities (workspace_id, kind, (coalesce(lower(name), '')), id);
CREATE INDEX inventory_entities_updated_idx ON inventory_entities (workspace_id, kind, updated_at, id);

-- Per connection: the last asset sync and the advertisers it granted, to report grants gained and lost.
CREATE TABLE inventory_connection_syncs
(
    workspace_id        UUID        NOT NULL,
    connection_id       UUID        NOT NULL,
    advertiser_ids      TEXT[]      NOT NULL,
    granted_since_last  TEXT[]      NOT NULL,
    lost_since_last     TEXT[]      NOT NULL,
    last_started_at     TIMESTAMPTZ NOT NULL,
    last_finished_at    TIMESTAMPTZ NOT NULL,
    last_scheduled_at   TIMESTAMPTZ,          -- last periodic submission: a failing connection is retried hourly, not every 10 min
    PRIMARY KEY (workspace_id, connection_id)
);

-- Per kind and listing scope (an advertiser; a business center for business centers and catalogs): when it was
-- last listed, and last listed in full (ads are read with modified_after between full listings). An entity's
-- "last synced" is the later of its own synced_at (last change) and its scope's listed_at.
CREATE TABLE inventory_listing_marks
(
    workspace_id   UUID        NOT NULL,
    scope          TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    listed_at      TIMESTAMPTZ NOT NULL,
    full_listed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, scope, kind)
);
