package com.tttools.app.platform.database;

import java.util.Map;
import java.util.Set;

/**
 * The distribution plan of docs/operations.md ("Distributed PostgreSQL (Citus)") as data, for
 * {@link TenantQueryRoutingIT}: which tables Citus would shard by {@code workspace_id}, which it would replicate
 * to every node, and which stay on the coordinator. Every table of the schema is in exactly one set.
 */
final class CitusPlan {

    /** Sharded by {@code workspace_id}, all co-located: every query of these must name one workspace. */
    static final Set<String> DISTRIBUTED = Set.of(
            "tiktok_connection", "tiktok_token", "tiktok_pending_revocation",
            "jobs",
            "inventory_entities", "inventory_connection_syncs", "inventory_listing_marks",
            "report_daily_facts", "report_fact_rollups", "report_fact_rollups_monthly",
            "report_fact_advertiser_days", "report_finality", "report_advertisers", "report_sync_state", "report_views",
            "reporting_workspace_rates",
            "bulk_change_sets", "bulk_change_lines", "bulk_approvals", "bulk_guardrail_ledger", "bulk_policies",
            "alert_rules", "alert_firings", "alert_delivery_watch");

    /** Small, global, read with tenant data: a copy on every node. */
    static final Set<String> REFERENCE = Set.of(
            "users", "organizations", "organization_members", "workspaces", "workspace_members", "invitations",
            "reporting_exchange_rates", "audit_retention", "privacy_retention_settings");

    /** Stay on the coordinator (plain tables, or Citus local tables where they reference a reference table). */
    static final Map<String, String> LOCAL = Map.ofEntries(
            Map.entry("flyway_schema_history", "Flyway's own"),
            Map.entry("scheduled_tasks", "db-scheduler's queue, polled by every node"),
            Map.entry("event_publication", "Spring Modulith's event registry"),
            Map.entry("event_publication_archive", "Spring Modulith's event registry"),
            Map.entry("spring_session", "sessions, looked up by session id"),
            Map.entry("spring_session_attributes", "sessions, looked up by session id"),
            Map.entry("personal_access_tokens", "per user, looked up by token hash"),
            Map.entry("user_email_tokens", "per user, looked up by token hash"),
            Map.entry("user_two_factor", "per user"),
            Map.entry("user_recovery_codes", "per user"),
            Map.entry("user_policy_consents", "per user"),
            Map.entry("user_workspace_preferences", "per user"),
            Map.entry("tiktok_oauth_state", "looked up by the state's hash alone when TikTok redirects back"),
            Map.entry("audit_events", "one hash chain per organization, workspace_id is null for organization events"),
            Map.entry("audit_chains", "the chains' heads"),
            Map.entry("audit_erasures", "per audit event"),
            Map.entry("security_events", "per user, no workspace"),
            Map.entry("notifications", "a user's inbox across workspaces; workspace_id is null for account mail"),
            Map.entry("notification_deliveries", "follow their notification"),
            Map.entry("notification_preferences", "per user"),
            Map.entry("notification_known_login_ips", "per user"),
            Map.entry("notification_webhook_events", "providers' event ids"),
            Map.entry("telegram_links", "per user"),
            Map.entry("telegram_link_codes", "per user"),
            Map.entry("telegram_poll_state", "one row"),
            Map.entry("privacy_exports", "per user, large blobs"),
            Map.entry("account_deletions", "per user"));

    private CitusPlan() {
    }
}
