-- Distributed PostgreSQL (docs/operations.md, "Distributed PostgreSQL (Citus)"): alert rules and firings are
-- sharded by workspace_id. Citus needs it in every primary key, and the firing's foreign key to its rule must
-- include it.
ALTER TABLE alert_firings DROP CONSTRAINT alert_firings_rule_id_fkey;

ALTER TABLE alert_rules DROP CONSTRAINT alert_rules_pkey;
ALTER TABLE alert_rules ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX alert_rules_id_idx ON alert_rules (id);

ALTER TABLE alert_firings DROP CONSTRAINT alert_firings_pkey;
ALTER TABLE alert_firings ADD PRIMARY KEY (workspace_id, id);
CREATE INDEX alert_firings_id_idx ON alert_firings (id);
ALTER TABLE alert_firings ADD CONSTRAINT alert_firings_rule_fkey
    FOREIGN KEY (workspace_id, rule_id) REFERENCES alert_rules (workspace_id, id) ON DELETE CASCADE;
