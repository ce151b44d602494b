-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): saved report views are sharded
-- by workspace_id, which Citus needs in the primary key.
ALTER TABLE report_views DROP CONSTRAINT report_views_pkey;
ALTER TABLE report_views ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX report_views_id_idx ON report_views (id);
