/**
 * Bulk changes at TikTok as change sets ("approved workflows"): plan (before values read fresh from TikTok),
 * approve under the workspace policy (two-person rule), apply as a persistent job in TikTok-sized chunks, verify,
 * revert; guardrails and scheduled runs. The facade is {@link com.tttools.app.bulk.BulkOperations}; the
 * past-tense events here are audited and turned into notifications. See docs/bulk-operations.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bulk operations", allowedDependencies = {"shared",
        "identity", "tenancy", "jobs", "tiktok", "inventory", "platform :: web"})
package com.tttools.app.bulk;
