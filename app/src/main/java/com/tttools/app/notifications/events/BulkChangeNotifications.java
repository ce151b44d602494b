package com.tttools.app.notifications.events;

import com.tttools.app.bulk.ChangeSetApproved;
import com.tttools.app.bulk.ChangeSetAwaitingApproval;
import com.tttools.app.bulk.ChangeSetFinished;
import com.tttools.app.bulk.ChangeSetRef;
import com.tttools.app.bulk.ChangeSetRejected;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.tenancy.TenantDirectory;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Change sets, told to the people who act next: a plan awaiting approval to the workspace's admins other than its
 * author (the two-person rule), the decision and the outcome to the author.
 */
@Component
class BulkChangeNotifications {

    private final Notifications notifications;
    private final TenantDirectory tenants;

    BulkChangeNotifications(Notifications notifications, TenantDirectory tenants) {
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @ApplicationModuleListener
    void on(ChangeSetAwaitingApproval event) {
        ChangeSetRef cs = event.changeSet();
        String body = describe(cs) + " by " + event.authorEmail() + " waits for your approval"
                + (event.reasons().isEmpty() ? "" : " (" + String.join("; ", event.reasons()) + ")")
                + ". Unapproved, it expires on its own.";
        tenants.workspaceAdmins(cs.workspaceId()).stream().filter(admin -> !admin.equals(event.author()))
                .forEach(admin -> notifications.notify(new NotificationRequest("bulk.awaiting-approval", admin,
                        cs.workspaceId(), "A bulk change waits for your approval", body, cs.link(),
                        "bulk-approval:" + cs.changeSetId(), List.of(), null)));
    }

    @ApplicationModuleListener
    void on(ChangeSetApproved event) {
        ChangeSetRef cs = event.changeSet();
        notifications.notify(new NotificationRequest("bulk.approved", event.author(), cs.workspaceId(),
                "Your bulk change was approved", describe(cs) + " was approved"
                        + (event.comment() == null || event.comment().isBlank() ? "" : ": " + event.comment())
                        + ". You can apply it now.", cs.link(), "bulk-approved:" + cs.changeSetId(), List.of(), null));
    }

    @ApplicationModuleListener
    void on(ChangeSetRejected event) {
        ChangeSetRef cs = event.changeSet();
        notifications.notify(new NotificationRequest("bulk.rejected", event.author(), cs.workspaceId(),
                "Your bulk change was rejected", describe(cs) + " was rejected: " + event.reason() + ".", cs.link(),
                "bulk-rejected:" + cs.changeSetId(), List.of(), null));
    }

    @ApplicationModuleListener
    void on(ChangeSetFinished event) {
        ChangeSetRef cs = event.changeSet();
        boolean failed = event.status() == ChangeSetStatus.FAILED;
        String outcome = switch (event.status()) {
            case SUCCEEDED -> "succeeded";
            case PARTIALLY_SUCCEEDED -> "partly succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "was cancelled";
            default -> "ended";
        };
        String body = describe(cs) + " " + outcome + ": " + event.counts().verified() + " verified, "
                + event.counts().drifted() + " changed since, " + event.counts().failed() + " failed, "
                + event.counts().skipped() + " skipped."
                + (event.reason() == null ? "" : " The apply job stopped: " + event.reason() + ".");
        notifications.notify(new NotificationRequest(failed ? "bulk.failed" : "bulk.finished", event.author(),
                cs.workspaceId(), failed ? "A bulk change failed" : "A bulk change finished", body, cs.link(),
                "bulk-finished:" + cs.changeSetId() + ":" + event.jobId(), List.of(), null));
    }

    /** "Pause of 150 ads" — the action and the size, in words. */
    static String describe(ChangeSetRef cs) {
        String action = switch (cs.action()) {
            case PAUSE -> "Pause";
            case ENABLE -> "Enable";
            case DELETE -> "Delete";
            case SET_BUDGET -> "Budget change";
            case CHANGE_BUDGET -> "Budget change";
        };
        String level = switch (cs.level()) {
            case CAMPAIGN -> cs.lines() == 1 ? "campaign" : "campaigns";
            case ADGROUP -> cs.lines() == 1 ? "ad group" : "ad groups";
            case AD -> cs.lines() == 1 ? "ad" : "ads";
        };
        return action + " of " + cs.lines() + " " + level.toLowerCase(Locale.ROOT);
    }
}
