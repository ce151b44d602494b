-- The read model gains the entity's objective type (set on campaigns), so that reporting can filter its facts by
-- the campaign's objective in the same statement. CREATE OR REPLACE VIEW may only add columns at the end.
CREATE OR REPLACE VIEW inventory_entity_labels AS
SELECT workspace_id,
       kind,
       tiktok_id,
       id                     AS inventory_id,
       name,
       status,
       removed_at IS NOT NULL AS removed,
       advertiser_id,
       CASE kind WHEN 'CAMPAIGN' THEN tiktok_id
                 WHEN 'AD_GROUP' THEN campaign_tiktok_id
                 WHEN 'AD' THEN campaign_tiktok_id END AS campaign_id,
       CASE kind WHEN 'AD_GROUP' THEN tiktok_id
                 WHEN 'AD' THEN parent_tiktok_id END   AS adgroup_id,
       objective
FROM inventory_entities;
