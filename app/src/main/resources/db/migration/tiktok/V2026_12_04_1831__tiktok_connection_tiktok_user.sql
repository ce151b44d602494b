-- The TikTok for Business user who granted the connection (user/info/'s core_user_id), so that connecting the same
-- user again in a workspace renews that connection instead of adding a second row. NULL for rows made before.
ALTER TABLE tiktok_connection ADD COLUMN tiktok_user_id TEXT;
CREATE INDEX tiktok_connection_tiktok_user ON tiktok_connection (workspace_id, tiktok_user_id)
    WHERE tiktok_user_id IS NOT NULL;
