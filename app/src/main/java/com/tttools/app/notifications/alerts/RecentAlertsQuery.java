package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.RecentAlerts;
import com.tttools.app.shared.WorkspaceId;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link RecentAlerts} over the stored firings. */
@Component
class RecentAlertsQuery implements RecentAlerts {

    private final AlertFirings firings;

    RecentAlertsQuery(AlertFirings firings) {
        this.firings = firings;
    }

    @Override
    public List<RecentAlert> recent(WorkspaceId workspace, int limit) {
        return firings.recent(workspace, limit).stream()
                .map(f -> new RecentAlert(f.id().toString(), f.ruleName(),
                        f.entityName() == null ? f.entityId() : f.entityName(), f.message(), f.firedAt(),
                        f.acknowledgedAt() != null))
                .toList();
    }
}
