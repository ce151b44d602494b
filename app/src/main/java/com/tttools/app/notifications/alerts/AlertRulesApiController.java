package com.tttools.app.notifications.alerts;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.AlertRuleId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workspaces/{wsId}/alert-rules}: everyone who sees the workspace's reports reads its rules;
 * operators and admins write them ({@code MANAGE_ALERT_RULES}) and run backtests.
 */
@RestController
@Tag(name = "Alert rules", description = "Rules on synced facts that notify people, and their 30-day backtest")
class AlertRulesApiController {

    /** A rule as the API shows it. */
    record RuleView(String id, String name, String kind, String level, BigDecimal threshold, Integer windowDays,
            Integer hours, String metric, List<String> advertiserIds, List<String> campaignIds, int cooldownMinutes,
            String quietFrom, String quietTo, String quietZone, List<String> recipients, List<String> channels,
            Integer escalateAfterMinutes, boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {

        static RuleView of(AlertRule r) {
            return new RuleView(r.id().toString(), r.name(), r.kind().name(), r.level().name(), r.threshold(),
                    r.windowDays(), r.hours(), r.metric(), r.advertiserIds(), r.campaignIds(), r.cooldownMinutes(),
                    r.quietFrom() == null ? null : r.quietFrom().toString(), r.quietTo() == null ? null : r.quietTo().toString(),
                    r.quietZone() == null ? null : r.quietZone().getId(),
                    r.recipients().stream().map(UserId::toString).toList(),
                    r.channels().stream().map(Enum::name).sorted().toList(), r.escalateAfterMinutes(), r.enabled(),
                    r.createdBy().toString(), r.createdAt(), r.updatedAt());
        }
    }

    record Items(List<RuleView> items) {
    }

    private final AlertRules rules;

    AlertRulesApiController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/alert-rules")
    @Operation(summary = "The workspace's alert rules")
    Items list(@RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted) {
        WorkspaceId workspace = granted.workspaceId();
        return new Items(rules.list(workspace).stream().map(RuleView::of).toList());
    }

    @PostMapping("/api/v1/workspaces/{wsId}/alert-rules")
    @Operation(summary = "Create a rule (422 with field errors when it does not make sense)")
    ResponseEntity<RuleView> create(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted,
            @RequestBody AlertRuleInput body) {
        WorkspaceId workspace = granted.workspaceId();
        return ResponseEntity.status(HttpStatus.CREATED).body(RuleView.of(rules.create(workspace, caller.id(), body)));
    }

    @PutMapping("/api/v1/workspaces/{wsId}/alert-rules/{id}")
    @Operation(summary = "Replace a rule")
    RuleView update(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted,
            @PathVariable AlertRuleId id, @RequestBody AlertRuleInput body) {
        WorkspaceId workspace = granted.workspaceId();
        return RuleView.of(rules.update(workspace, id.value(), body));
    }

    @DeleteMapping("/api/v1/workspaces/{wsId}/alert-rules/{id}")
    @Operation(summary = "Delete a rule and its firings")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted, @PathVariable AlertRuleId id) {
        WorkspaceId workspace = granted.workspaceId();
        rules.delete(workspace, id.value());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/workspaces/{wsId}/alert-rules/backtest")
    @Operation(summary = "How often the rule would have fired over the last 30 days of stored facts (nothing is saved)")
    AlertRules.Backtest backtest(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted,
            @RequestBody AlertRuleInput body) {
        WorkspaceId workspace = granted.workspaceId();
        return rules.backtest(workspace, caller.id(), body);
    }
}
