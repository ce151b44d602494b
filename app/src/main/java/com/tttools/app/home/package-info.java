/**
 * The workspace home: the page after sign-in and after connecting TikTok. It only reads the other modules'
 * facades (reports, connections, jobs, bulk operations, alerts) and assembles what a media buyer checks first:
 * yesterday's and the last seven days' figures against the period before, the spend chart, top movers, connection
 * health, running syncs, change sets awaiting the viewer's approval, recent alerts, and a first-run checklist for an
 * empty workspace. It has no API of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace home", allowedDependencies = {"shared",
        "identity", "tenancy", "reporting", "tiktok", "jobs", "inventory", "bulk", "notifications"})
package com.tttools.app.home;
