package com.tttools.app.home.web;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.home.web.HomeView.PendingApproval;
import com.tttools.app.home.web.HomeView.RecentAlertRow;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.notifications.RecentAlerts;
import com.tttools.app.shared.UserId;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What waits for the viewer on the home: change sets awaiting approval (only for those who may approve) and the
 * alerts fired lately (for those who may see the alerts page). Null when the viewer's role may not see the list.
 */
@Component
class HomeInbox {

    static final int SHOWN = 5;

    private final BulkOperations bulk;
    private final RecentAlerts alerts;
    private final UserAccounts users;

    HomeInbox(BulkOperations bulk, RecentAlerts alerts, UserAccounts users) {
        this.bulk = bulk;
        this.alerts = alerts;
        this.users = users;
    }

    List<PendingApproval> approvals(WorkspaceAccess workspace, String base) {
        if (!workspace.can(WorkspacePermission.APPROVE_BULK_OPERATION)) {
            return null;
        }
        List<ChangeSetView> waiting = bulk.list(workspace.workspaceId(), ChangeSetStatus.AWAITING_APPROVAL, SHOWN, null)
                .items();
        Map<String, String> names = names(waiting.stream().map(ChangeSetView::createdBy).toList());
        return waiting.stream().map(cs -> new PendingApproval(cs.id(), what(cs),
                        Objects.requireNonNullElse(names.get(cs.createdBy()),
                                Objects.requireNonNullElse(cs.createdByEmail(), "someone")),
                        cs.createdAt(), base + "/bulk-operations/" + cs.id()))
                .toList();
    }

    List<RecentAlertRow> alerts(WorkspaceAccess workspace, String base) {
        if (!workspace.can(WorkspacePermission.VIEW_REPORTS)) {
            return null;
        }
        return alerts.recent(workspace.workspaceId(), SHOWN).stream()
                .map(a -> new RecentAlertRow(a.ruleName(), a.entityName(), a.message(), a.firedAt(),
                        a.acknowledged() ? "Acknowledged" : "New", base + "/alerts"))
                .toList();
    }

    /** "Pause 12 ads", "Set the budget of 3 campaigns". */
    static String what(ChangeSetView cs) {
        int count = cs.counts() == null ? 0 : cs.counts().total();
        return verb(cs.action()) + " " + count + " " + noun(cs.level(), count);
    }

    private static String verb(BulkAction action) {
        return switch (action) {
            case PAUSE -> "Pause";
            case ENABLE -> "Enable";
            case DELETE -> "Delete";
            case SET_BUDGET -> "Set the budget of";
            case CHANGE_BUDGET -> "Change the budget of";
        };
    }

    private static String noun(BulkLevel level, int count) {
        String one = switch (level) {
            case CAMPAIGN -> "campaign";
            case ADGROUP -> "ad group";
            case AD -> "ad";
        };
        return count == 1 ? one : one + "s";
    }

    /** The planners' names by user id (their e-mail when they gave no name). */
    private Map<String, String> names(List<String> userIds) {
        List<UserId> ids = userIds.stream().filter(Objects::nonNull).distinct().map(HomeInbox::userId)
                .filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAll(ids).stream().collect(Collectors.toMap(u -> u.id().value().toString(),
                u -> u.name() == null || u.name().isBlank() ? u.email() : u.name(), (a, b) -> a));
    }

    private static UserId userId(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
