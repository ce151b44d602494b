-- Advertiser contact data (contact person, email, phone numbers, address, licence) was stored with the whole
-- advertiser/info answer. The sync now keeps an allow-list of fields per kind (EntityFields) and asks TikTok
-- only for those; this removes what earlier syncs stored. The next sync trims the remaining unlisted fields.
UPDATE inventory_entities
   SET fields = fields - ARRAY ['contacter', 'email', 'cellphone_number', 'telephone_number', 'address',
                                'license_no', 'license_url', 'description']
 WHERE fields <> fields - ARRAY ['contacter', 'email', 'cellphone_number', 'telephone_number', 'address',
                                 'license_no', 'license_url', 'description'];
