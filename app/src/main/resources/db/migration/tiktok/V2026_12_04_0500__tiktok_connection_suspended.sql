-- A connection of a soft-deleted workspace is suspended (set when the workspace is deleted, cleared when it is
-- restored): no health checks, token refreshes or scheduled syncs run for it meanwhile.
ALTER TABLE tiktok_connection ADD COLUMN suspended_at TIMESTAMPTZ;
CREATE INDEX tiktok_connection_organization ON tiktok_connection (organization_id);
