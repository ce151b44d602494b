-- Row-level security (docs/security.md, "Row-level security"): a view reads its tables with the rights of its owner
-- unless it is a security_invoker view, and the owner is the login role, which the policies do not bind. So a read
-- through inventory_entity_labels in a workspace request's tenant context saw every workspace's entities, and the
-- backstop did not cover the queries that join the read model. As an invoker view it reads inventory_entities with
-- the rights, and under the policy, of whoever asks. (PostgreSQL 15 or later. CREATE OR REPLACE VIEW resets a
-- view's options: a later migration that redefines the view repeats WITH (security_invoker = true);
-- RowLevelSecurityIT fails until it does.)
ALTER VIEW inventory_entity_labels SET (security_invoker = true);
