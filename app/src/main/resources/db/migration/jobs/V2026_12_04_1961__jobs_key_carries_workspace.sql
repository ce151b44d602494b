-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): jobs are sharded by
-- workspace_id, which Citus needs in the primary key. The runner claims and updates jobs by id across every
-- workspace, so a plain index on id stays.
ALTER TABLE jobs DROP CONSTRAINT jobs_pkey;
ALTER TABLE jobs ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX jobs_id_idx ON jobs (id);
