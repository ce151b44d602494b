/**
 * Asset inventory: every TikTok business center, advertiser, identity, pixel, catalog, audience, campaign, ad
 * group and ad a workspace's connections reach, kept as history (removed entities stay, marked removed). The
 * {@code tiktok.asset-sync} job fills it; the API and pages read it. See docs/inventory.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package com.tttools.app.inventory;
