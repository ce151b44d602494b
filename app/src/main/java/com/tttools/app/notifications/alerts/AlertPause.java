package com.tttools.app.notifications.alerts;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.notifications.telegram.TelegramActionHandler;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The Pause button of a campaign-level alert: plans a change set that pauses the alert's campaign through the bulk
 * module, as the pressing user, so it follows the workspace's approval policy like any other plan (never a direct
 * TikTok call). Planning needs {@link WorkspacePermission#CREATE_BULK_OPERATION}; the bot answers with the change
 * set's state and a link to it. Pressing again within 24 hours returns the same change set (the firing is the
 * idempotency key, which the bulk module keeps for 24 hours).
 */
@Component
class AlertPause implements TelegramActionHandler {

    static final String PAUSE = "pause";
    private final AlertFirings firings;
    private final AlertRuleStore rules;
    private final TenantAccess access;
    private final UserAccounts accounts;
    private final BulkOperations bulk;
    private final String baseUrl;

    AlertPause(AlertFirings firings, AlertRuleStore rules, TenantAccess access, UserAccounts accounts,
            BulkOperations bulk, @Value("${tttools.base-url}") String baseUrl) {
        this.firings = firings;
        this.rules = rules;
        this.access = access;
        this.accounts = accounts;
        this.bulk = bulk;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Set<String> actions() {
        return Set.of(PAUSE);
    }

    @Override
    public Answer handle(UserId user, String action, String argument) {
        Optional<AlertFirings.Firing> found = parse(argument).flatMap(firings::find);
        if (found.isEmpty()) {
            return Answer.notice("This alert no longer exists.");
        }
        AlertFirings.Firing firing = found.get();
        try {
            access.requireWorkspace(user, firing.workspaceId(), WorkspacePermission.CREATE_BULK_OPERATION);
        } catch (NotFoundException e) {
            return Answer.notice("This alert no longer exists, or you no longer have access to its workspace.");
        } catch (ForbiddenException e) {
            return Answer.notice("Your role in this workspace does not allow planning changes; "
                    + "ask an operator or admin to pause it.");
        }
        boolean campaign = rules.find(firing.workspaceId(), firing.ruleId())
                .map(r -> r.level() == ReportLevel.CAMPAIGN).orElse(false);
        if (!campaign) {
            return Answer.notice("Only a campaign's alert can pause it.");
        }
        String email = accounts.find(user).map(UserSummary::email).orElse(null);
        ChangeSetView planned;
        try {
            planned = bulk.plan(new BulkOperations.Caller(user, email, RequestMetadata.none()), firing.workspaceId(),
                    new PlanCommand(BulkAction.PAUSE, BulkLevel.CAMPAIGN, List.of(firing.entityId()), null, null, null,
                            null),
                    "alert-pause:" + firing.id());
        } catch (ValidationFailedException e) {
            String why = e.problems().stream().map(FieldProblem::message).findFirst().orElse("it was refused");
            return Answer.notice("The pause could not be planned: " + why);
        } catch (RuntimeException e) {
            // TikTok unreachable while reading the before values, and the like: nothing was planned
            return Answer.notice("The pause could not be planned just now. Try again, or plan it in TTtools.");
        }
        String notice = switch (planned.status()) {
            case AWAITING_APPROVAL -> "Pause planned. It waits for an approver.";
            case APPROVED -> "Pause planned and approved. Apply it in TTtools.";
            default -> "Pause planned (" + words(planned.status()) + ").";
        };
        String name = firing.entityName() == null ? firing.entityId() : firing.entityName();
        String link = baseUrl + "/workspaces/" + firing.workspaceId() + "/bulk-operations/" + planned.id();
        String message = "<b>Pause of " + HtmlUtils.htmlEscape(name) + "</b>\n" + HtmlUtils.htmlEscape(notice)
                + "\n<a href=\"" + HtmlUtils.htmlEscape(link) + "\">Open the change set</a>";
        return new Answer(notice, message);
    }

    private static String words(ChangeSetStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static Optional<UUID> parse(String argument) {
        try {
            return Optional.of(UUID.fromString(argument));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
