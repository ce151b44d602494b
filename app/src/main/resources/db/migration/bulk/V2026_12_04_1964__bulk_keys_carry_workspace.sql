-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): change sets, their lines and
-- approvals are sharded by workspace_id. Citus needs it in every primary key, and a foreign key between two
-- distributed tables must include it, so the lines and approvals point at (workspace_id, id).
ALTER TABLE bulk_change_lines DROP CONSTRAINT bulk_change_lines_change_set_id_fkey;
ALTER TABLE bulk_approvals DROP CONSTRAINT bulk_approvals_change_set_id_fkey;

ALTER TABLE bulk_change_sets DROP CONSTRAINT bulk_change_sets_pkey;
ALTER TABLE bulk_change_sets ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX bulk_change_sets_id_idx ON bulk_change_sets (id);

ALTER TABLE bulk_change_lines DROP CONSTRAINT bulk_change_lines_pkey;
ALTER TABLE bulk_change_lines ADD PRIMARY KEY (workspace_id, change_set_id, seq);
ALTER TABLE bulk_change_lines ADD CONSTRAINT bulk_change_lines_change_set_fkey
    FOREIGN KEY (workspace_id, change_set_id) REFERENCES bulk_change_sets (workspace_id, id) ON DELETE CASCADE;

ALTER TABLE bulk_approvals DROP CONSTRAINT bulk_approvals_pkey;
ALTER TABLE bulk_approvals ADD PRIMARY KEY (workspace_id, change_set_id, user_id);
ALTER TABLE bulk_approvals ADD CONSTRAINT bulk_approvals_change_set_fkey
    FOREIGN KEY (workspace_id, change_set_id) REFERENCES bulk_change_sets (workspace_id, id) ON DELETE CASCADE;
