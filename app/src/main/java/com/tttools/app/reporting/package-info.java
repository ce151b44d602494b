/**
 * Reporting: daily performance facts pulled from TikTok's report API (backfill, incremental runs and a
 * restatement window), a finality ledger per advertiser and day, and report queries with totals per currency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
        allowedDependencies = { "shared", "identity", "tenancy", "jobs", "tiktok", "inventory",
                "platform :: outbound", "platform :: web" })
package com.tttools.app.reporting;
