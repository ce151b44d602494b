/**
 * Asset inventory: every TikTok business center, advertiser, identity, pixel, catalog, audience, campaign, ad
 * group and ad a workspace's connections reach, kept as history (removed entities stay, marked removed). The
 * {@code tiktok.asset-sync} job fills it; the API and pages read it. See docs/inventory.md. Its API: the
 * {@link com.tttools.app.inventory.Inventory} facade and, for other modules' SQL, the read model
 * {@link com.tttools.app.inventory.EntityLabels} (the view {@code inventory_entity_labels}); its tables are its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory",
        allowedDependencies = { "shared", "identity", "tenancy", "jobs", "tiktok" })
package com.tttools.app.inventory;
