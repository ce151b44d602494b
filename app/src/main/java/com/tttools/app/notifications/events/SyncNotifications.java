package com.tttools.app.notifications.events;

import com.tttools.app.inventory.AssetSyncFailed;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.reporting.ReportEvents.ReportDataStale;
import com.tttools.app.reporting.ReportEvents.ReportSyncFailed;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantDirectory;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionTokenExpiring;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeping a workspace's data flowing, told to its admins: a connection's access about to expire, a sync that failed
 * for good, report data gone stale. The owning modules publish each once per occurrence; the dedup keys (per
 * connection and sync kind, per expiry date, per stale stretch) keep a sync failing on every run to one message per
 * dedup window.
 */
@Component
class SyncNotifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private final Notifications notifications;
    private final TenantDirectory tenants;

    SyncNotifications(Notifications notifications, TenantDirectory tenants) {
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @ApplicationModuleListener
    void on(ConnectionTokenExpiring event) {
        String body = "TikTok stops accepting this workspace's TikTok account connection on "
                + DAY.format(event.expiresAt()) + " (UTC). An admin can connect it again now to keep syncs running.";
        toAdmins(event.workspaceId(), "connection.token-expiring", "TikTok access expires soon", body,
                connections(event.workspaceId()), "token-expiring:" + event.connectionId() + ":" + event.expiresAt().toEpochMilli());
    }

    @ApplicationModuleListener
    void on(AssetSyncFailed event) {
        failed(event.workspaceId(), "Inventory sync failed", "The sync of campaigns, ad groups and ads", event.error(),
                "sync-failed:assets:" + event.connectionId());
    }

    @ApplicationModuleListener
    void on(ReportSyncFailed event) {
        failed(event.workspaceId(), "Report sync failed", "The sync of report data", event.error(),
                "sync-failed:reports:" + event.connectionId());
    }

    @ApplicationModuleListener
    void on(ReportDataStale event) {
        long hours = event.staleAfter().toHours();
        String body = "No report sync has succeeded since " + DAY.format(event.lastSuccessAt()) + " (more than "
                + hours + " hours), so reports and alert rules work on old figures. Check the connection and the "
                + "sync jobs.";
        toAdmins(event.workspaceId(), "sync.stale", "Report data is out of date", body, jobs(event.workspaceId()),
                "stale:" + event.workspaceId().value() + ":" + event.lastSuccessAt().toEpochMilli());
    }

    private void failed(WorkspaceId workspace, String title, String what, String error, String dedupKey) {
        String reason = error == null || error.isBlank() ? "" : " (" + clip(error) + ")";
        toAdmins(workspace, "sync.failed", title, what + " stopped after its retries" + reason
                + ". The next scheduled sync tries again.", jobs(workspace), dedupKey);
    }

    private void toAdmins(WorkspaceId workspace, String type, String title, String body, String link, String dedupKey) {
        tenants.workspaceAdmins(workspace).forEach(admin -> notifications.notify(new NotificationRequest(type, admin,
                workspace, title, body, link, dedupKey, List.of(), null)));
    }

    private static String connections(WorkspaceId workspace) {
        return "/workspaces/" + workspace.value() + "/connections";
    }

    private static String jobs(WorkspaceId workspace) {
        return "/workspaces/" + workspace.value() + "/jobs";
    }

    private static String clip(String error) {
        String line = error.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
