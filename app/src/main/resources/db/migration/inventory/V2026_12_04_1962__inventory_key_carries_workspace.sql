-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): inventory is sharded by
-- workspace_id, which Citus needs in the primary key. The plain index on id keeps lookups by id as they were.
ALTER TABLE inventory_entities DROP CONSTRAINT inventory_entities_pkey;
ALTER TABLE inventory_entities ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX inventory_entities_id_idx ON inventory_entities (id);
