-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): Citus shards tenant tables by
-- workspace_id and needs the distribution column in every primary key and unique constraint. Ids stay unique on
-- their own (random UUIDs); the key now carries the workspace. A plain index on id keeps lookups by id alone
-- (system tasks that sweep every workspace) as fast as before; Citus allows non-unique indexes.
ALTER TABLE tiktok_connection DROP CONSTRAINT tiktok_connection_pkey;
ALTER TABLE tiktok_connection ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX tiktok_connection_id_idx ON tiktok_connection (id);

ALTER TABLE tiktok_token DROP CONSTRAINT tiktok_token_pkey;
ALTER TABLE tiktok_token ADD PRIMARY KEY (workspace_id, connection_id, kind);
CREATE INDEX tiktok_token_connection_idx ON tiktok_token (connection_id);

ALTER TABLE tiktok_pending_revocation DROP CONSTRAINT tiktok_pending_revocation_pkey;
ALTER TABLE tiktok_pending_revocation ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX tiktok_pending_revocation_id_idx ON tiktok_pending_revocation (id);
