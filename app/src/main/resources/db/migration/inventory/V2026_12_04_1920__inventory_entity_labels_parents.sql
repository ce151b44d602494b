-- The read model gains each entity's advertiser and parents, so that reporting can list the entities that had
-- no delivery in a period (zeros, not absent) and apply its advertiser/campaign/ad group filters to them. Columns
-- are only appended (CREATE OR REPLACE VIEW keeps the existing ones, in order): readers of the old columns are
-- unaffected. campaign_id / adgroup_id follow report_daily_facts: a campaign is its own campaign, an ad group its
-- own ad group.
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
                 WHEN 'AD' THEN parent_tiktok_id END   AS adgroup_id
FROM inventory_entities;
