package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.telegram.TelegramActionHandler;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledge and snooze a fired alert, from the alerts page or from a Telegram button. Both are authorized
 * against the acting user's current role in the alert's workspace: acknowledging needs to see its reports,
 * snoozing (which silences the rule for everyone) needs {@link WorkspacePermission#MANAGE_ALERT_RULES}.
 */
@Component
class AlertActions implements TelegramActionHandler {

    static final String SNOOZE = "snooze";
    static final String ACK = "ack";
    static final Duration SNOOZE_FOR = Duration.ofHours(24);
    private final AlertFirings firings;
    private final TenantAccess access;
    private final Clock clock;

    AlertActions(AlertFirings firings, TenantAccess access, Clock clock) {
        this.firings = firings;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Set<String> actions() {
        return Set.of(SNOOZE, ACK);
    }

    @Override
    public Answer handle(UserId user, String action, String argument) {
        UUID id;
        try {
            id = UUID.fromString(argument);
        } catch (IllegalArgumentException e) {
            return Answer.notice("This alert no longer exists.");
        }
        try {
            if (SNOOZE.equals(action)) {
                snooze(user, id);
                return Answer.notice("Snoozed for 24 hours.");
            }
            acknowledge(user, id);
            return Answer.notice("Acknowledged.");
        } catch (NotFoundException e) {
            return Answer.notice("This alert no longer exists, or you no longer have access to its workspace.");
        } catch (com.tttools.app.shared.ForbiddenException e) {
            return Answer.notice("Your role in this workspace does not allow that.");
        }
    }

    @Transactional
    void acknowledge(UserId user, UUID firingId) {
        AlertFirings.Firing firing = firings.find(firingId).orElseThrow(() -> new NotFoundException("Alert"));
        access.requireWorkspace(user, firing.workspaceId(), WorkspacePermission.VIEW_REPORTS);
        firings.acknowledge(firing.workspaceId(), firingId, user, clock.instant());
    }

    @Transactional
    void snooze(UserId user, UUID firingId) {
        AlertFirings.Firing firing = firings.find(firingId).orElseThrow(() -> new NotFoundException("Alert"));
        access.requireWorkspace(user, firing.workspaceId(), WorkspacePermission.MANAGE_ALERT_RULES);
        Instant now = clock.instant();
        firings.snooze(firing.workspaceId(), firingId, user, now.plus(SNOOZE_FOR), now);
    }
}
