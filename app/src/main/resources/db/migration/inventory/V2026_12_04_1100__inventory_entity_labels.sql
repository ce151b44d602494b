-- Inventory's published read model for other modules' SQL (docs/architecture.md, "Read models"): the name and
-- status of every entity, so reporting can label report rows and filter them by status and name inside its own
-- statements. A plain view: PostgreSQL inlines it, so a join on (workspace_id, kind, tiktok_id) still uses
-- inventory_entities_key. Readers always filter by workspace_id and kind; the columns are a contract, changed
-- only together with the readers (com.tttools.app.inventory.EntityLabels).
CREATE VIEW inventory_entity_labels AS
SELECT workspace_id,
       kind,
       tiktok_id,
       id                     AS inventory_id,
       name,
       status,                -- as TikTok reports it; kept when the entity is removed
       removed_at IS NOT NULL AS removed
FROM inventory_entities;

COMMENT ON VIEW inventory_entity_labels IS
    'Read model owned by the inventory module for other modules (reporting): filter by workspace_id and kind.';
