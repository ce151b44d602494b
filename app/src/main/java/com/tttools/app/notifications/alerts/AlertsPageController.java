package com.tttools.app.notifications.alerts;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.notifications.Channel;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.AlertId;
import com.tttools.app.shared.AlertRuleId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.reporting.Timezones;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The workspace's alerts page: its rules in words, the recent alerts (acknowledge them here or on Telegram), and a
 * form to add a rule with a 30-day backtest before saving. Problems show next to their fields.
 */
@Controller
class AlertsPageController {

    /** The form as posted: text fields, ids comma-separated, channel checkboxes. */
    record RuleForm(String name, String kind, String level, String threshold, String windowDays, String hours,
            String metric, String advertiserIds, String campaignIds, String cooldownMinutes, String quietFrom,
            String quietTo, List<String> channels, String escalateAfterMinutes) {

        static RuleForm empty() {
            return new RuleForm("", "SPEND_TODAY", "CAMPAIGN", "", "7", "6", "spend", "", "", "240", "", "", List.of(), "");
        }

        AlertRuleInput input(String zone) {
            List<com.tttools.app.shared.FieldProblem> problems = new java.util.ArrayList<>();
            BigDecimal t = decimal(threshold, "threshold", problems);
            Integer w = integer(windowDays, "windowDays", problems);
            Integer h = integer(hours, "hours", problems);
            Integer c = integer(cooldownMinutes, "cooldownMinutes", problems);
            Integer e = integer(escalateAfterMinutes, "escalateAfterMinutes", problems);
            if (!problems.isEmpty()) {
                throw new ValidationFailedException(problems);
            }
            return new AlertRuleInput(name, kind, level, t, w, h, metric, ids(advertiserIds), ids(campaignIds), c,
                    quietFrom, quietTo, zone, List.of(), channels == null ? List.of() : channels, e, true);
        }

        private static List<String> ids(String text) {
            return text == null || text.isBlank() ? List.of()
                    : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        }

        private static BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
            try {
                return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
            } catch (NumberFormatException ex) {
                problems.add(new FieldProblem(field, "must be a number"));
                return null;
            }
        }

        private static Integer integer(String text, String field, List<FieldProblem> problems) {
            try {
                return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException ex) {
                problems.add(new FieldProblem(field, "must be a whole number"));
                return null;
            }
        }
    }

    /** A rule as the page lists it. */
    record RuleRow(String id, String name, String condition, String scope, String cooldown, String channels,
            String quiet, boolean enabled) {
    }

    /** A fired alert as the page lists it. */
    record FiringRow(String id, String rule, String entity, String message, Instant firedAt, String state) {
    }

    private final AlertRules rules;
    private final AlertFirings firings;
    private final AlertActions actions;
    private final java.time.Clock clock;

    AlertsPageController(AlertRules rules, AlertFirings firings, AlertActions actions, java.time.Clock clock) {
        this.rules = rules;
        this.firings = firings;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping("/workspaces/{wsId}/alerts")
    String page(@RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted, Model model) {
        return render(granted, RuleForm.empty(), Map.of(), null, model);
    }

    @PostMapping("/workspaces/{wsId}/alerts/rules")
    String create(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted, RuleForm form,
            Model model, HttpServletResponse response) {
        try {
            rules.create(granted.workspaceId(), caller.id(), form.input(granted.timezone()));
        } catch (ValidationFailedException e) {
            response.setStatus(422);
            return render(granted, form, errors(e), null, model);
        }
        return "redirect:/workspaces/" + granted.workspaceId() + "/alerts";
    }

    @PostMapping("/workspaces/{wsId}/alerts/backtest")
    String backtest(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted, RuleForm form,
            Model model, HttpServletResponse response) {
        try {
            AlertRules.Backtest result = rules.backtest(granted.workspaceId(), caller.id(), form.input(granted.timezone()));
            return render(granted, form, Map.of(), result, model);
        } catch (ValidationFailedException e) {
            response.setStatus(422);
            return render(granted, form, errors(e), null, model);
        }
    }

    @PostMapping("/workspaces/{wsId}/alerts/rules/{id}/delete")
    String delete(@RequireWorkspace(WorkspacePermission.MANAGE_ALERT_RULES) WorkspaceAccess granted,
            @PathVariable AlertRuleId id) {
        rules.delete(granted.workspaceId(), id.value());
        return "redirect:/workspaces/" + granted.workspaceId() + "/alerts";
    }

    @PostMapping("/workspaces/{wsId}/alerts/firings/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted, @PathVariable AlertId id) {
        UUID firing = id.value();
        if (firings.find(firing).filter(f -> f.workspaceId().equals(granted.workspaceId())).isEmpty()) {
            throw new NotFoundException("Alert");
        }
        actions.acknowledge(caller.id(), firing);
        return "redirect:/workspaces/" + granted.workspaceId() + "/alerts";
    }

    private String render(WorkspaceAccess granted, RuleForm form, Map<String, String> errors,
            AlertRules.Backtest backtest, Model model) {
        ZoneId zone = Timezones.zoneOrUtc(granted.timezone());
        model.addAttribute("wsId", granted.workspaceId().toString());
        model.addAttribute("workspaceName", granted.workspaceName());
        model.addAttribute("canWrite", granted.can(WorkspacePermission.MANAGE_ALERT_RULES));
        model.addAttribute("rules", rules.list(granted.workspaceId()).stream().map(AlertsPageController::row).toList());
        model.addAttribute("firings", firings.recent(granted.workspaceId(), 50).stream()
                .map(f -> firingRow(f, clock.instant())).toList());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("backtest", backtest);
        model.addAttribute("kinds", Arrays.stream(AlertKind.values())
                .collect(Collectors.toMap(Enum::name, AlertKind::label, (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("metrics", AlertConditions.ANOMALY_METRICS);
        return "notifications/alerts";
    }

    private static Map<String, String> errors(ValidationFailedException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return errors;
    }

    static RuleRow row(AlertRule r) {
        String threshold = r.threshold() == null ? "" : r.threshold().stripTrailingZeros().toPlainString();
        String condition = switch (r.kind()) {
            case SPEND_TODAY -> "Spend today above " + threshold;
            case CPA -> "Cost per conversion over " + r.windowDays() + " days above " + threshold;
            case CTR -> "CTR today below " + threshold + "%";
            case ZERO_DELIVERY -> "No delivery for " + r.hours() + " hours (enabled campaigns)";
            case PACING -> "Spend on course for more than " + threshold + "% of the daily budget";
            case ANOMALY -> AlertConditions.metricLabel(r.metric()) + " more than " + threshold
                    + " standard deviations from the usual for the weekday";
        };
        String level = r.level().name().equals("ADVERTISER") ? "advertisers" : "campaigns";
        String scope = (r.campaignIds().isEmpty() ? "All " + level : r.campaignIds().size() + " campaigns")
                + (r.advertiserIds().isEmpty() ? "" : " of " + r.advertiserIds().size() + " advertisers");
        String cooldown = r.cooldownMinutes() % 60 == 0 ? r.cooldownMinutes() / 60 + " h" : r.cooldownMinutes() + " min";
        String channels = r.channels().isEmpty() ? "Each person's preferences"
                : r.channels().stream().map(AlertsPageController::channel).sorted().collect(Collectors.joining(", "));
        if (r.escalateAfterMinutes() != null) {
            channels += "; e-mail if not acknowledged in " + r.escalateAfterMinutes() + " min";
        }
        String quiet = r.quietFrom() == null ? "" : r.quietFrom() + "–" + r.quietTo() + " " + r.quietZone().getId();
        return new RuleRow(r.id().toString(), r.name(), condition, scope, cooldown, channels, quiet, r.enabled());
    }

    private static String channel(Channel c) {
        return switch (c) {
            case IN_APP -> "In the app";
            case EMAIL -> "E-mail";
            case TELEGRAM -> "Telegram";
        };
    }

    private static FiringRow firingRow(AlertFirings.Firing f, Instant now) {
        String state = f.snoozedUntil() != null && f.snoozedUntil().isAfter(now) ? "Snoozed"
                : f.acknowledgedAt() != null ? "Acknowledged" : "New";
        return new FiringRow(f.id().toString(), f.ruleName(), f.entityName() == null ? f.entityId() : f.entityName(),
                f.message(), f.firedAt(), state);
    }
}
