package com.tttools.app.notifications.events;

import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.tenancy.TenantDirectory;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionAdvertisersChanged;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionStatusChanged;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A workspace's TikTok connections, told to the workspace's admins: re-authorisation needed, errors, advertisers
 * gained or lost. Dedup keys keep a flapping connection from repeating itself within the dedup window.
 */
@Component
class ConnectionNotifications {

    private final Notifications notifications;
    private final TenantDirectory tenants;

    ConnectionNotifications(Notifications notifications, TenantDirectory tenants) {
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @ApplicationModuleListener
    void on(ConnectionStatusChanged event) {
        String link = "/workspaces/" + event.workspaceId().value() + "/connections";
        if (event.to() == ConnectionStatus.NEEDS_REAUTH) {
            tenants.workspaceAdmins(event.workspaceId()).forEach(admin -> notifications.notify(new NotificationRequest(
                    "connection.needs-reauth", admin, event.workspaceId(), "TikTok needs to be connected again",
                    "TikTok no longer accepts this workspace's connection. Syncs are paused until an admin "
                            + "authorises it again.", link, "reauth:" + event.connectionId(), List.of(), null)));
        } else if (event.to() == ConnectionStatus.ERROR) {
            tenants.workspaceAdmins(event.workspaceId()).forEach(admin -> notifications.notify(new NotificationRequest(
                    "connection.error", admin, event.workspaceId(), "A TikTok connection reports errors",
                    "Calls to TikTok through this workspace's connection fail"
                            + (event.errorCode() == null ? "" : " (TikTok code " + event.errorCode() + ")")
                            + ". Syncs retry on their own; check the connection if it persists.",
                    link, "error:" + event.connectionId(), List.of(), null)));
        }
    }

    @ApplicationModuleListener
    void on(ConnectionAdvertisersChanged event) {
        if (event.added().isEmpty() && event.lost().isEmpty()) {
            return;
        }
        String body = (event.added().isEmpty() ? "" : event.added().size() + " advertiser(s) added")
                + (!event.added().isEmpty() && !event.lost().isEmpty() ? ", " : "")
                + (event.lost().isEmpty() ? "" : event.lost().size() + " no longer reachable")
                + " through the TikTok connection.";
        tenants.workspaceAdmins(event.workspaceId()).forEach(admin -> notifications.notify(new NotificationRequest(
                "advertisers.changed", admin, event.workspaceId(), "Advertisers changed", body,
                "/workspaces/" + event.workspaceId().value() + "/connections", null, List.of(), null)));
    }
}
