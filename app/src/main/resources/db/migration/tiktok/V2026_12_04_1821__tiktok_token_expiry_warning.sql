-- The refresh token expiry a connection's admins were last warned about: a warning is sent once per expiry date
-- (a new token after reconnecting has a new date and is warned about again when its time comes).
ALTER TABLE tiktok_connection ADD COLUMN expiry_warned_for timestamptz;
