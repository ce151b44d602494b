package com.tttools.app.bulk.web;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.bulk.WeeklySchedule;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.TikTokApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The change-set pages: select (multi-select, or everything the filter matches) → plan → preview (diff, totals per
 * currency, warnings) → approve or reject → apply with live progress → revert; the list; the policy page.
 */
@Controller
class BulkPageController {

    static final int SELECT_PAGE = 200;
    static final int LINES_PAGE = 100;
    static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final BulkOperations bulk;
    private final Inventory inventory;
    BulkPageController(BulkOperations bulk, Inventory inventory) {
        this.bulk = bulk;
        this.inventory = inventory;
    }

    /**
     * The selection and plan form as sent by the select page; {@code when} is {@code request} (applied when someone
     * presses Apply) or {@code weekly} (on {@code days} at {@code time} in {@code timezone}, blank: the advertiser's).
     */
    record PlanForm(String action, String level, List<String> ids, Boolean allMatching, String advertiserId,
            String campaignId, String status, String q, String valueKind, BigDecimal value, BigDecimal floor,
            BigDecimal ceiling, String when, List<String> days, String time, String timezone) {

        public boolean weekly() {
            return "weekly".equals(when);
        }
    }

    /** Days of the week for the schedule's checkboxes: value and label. */
    record Day(String value, String label) {
    }

    static final List<Day> DAYS = java.util.Arrays.stream(java.time.DayOfWeek.values())
            .map(d -> new Day(d.name(), d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)))
            .toList();

    @GetMapping("/workspaces/{wsId}/bulk-operations")
    String list(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("page", bulk.list(ws.workspaceId(), null, 50, cursor));
        model.addAttribute("canPlan", ws.can(WorkspacePermission.CREATE_BULK_OPERATION));
        model.addAttribute("canApprove", ws.can(WorkspacePermission.APPROVE_BULK_OPERATION));
        return "bulk/list";
    }

    @GetMapping("/workspaces/{wsId}/bulk-operations/new")
    String select(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(defaultValue = "AD") String level, @RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, Model model) {
        PlanForm form = new PlanForm("PAUSE", level, List.of(), false, blank(advertiserId), blank(campaignId),
                blank(status), blank(q), "percent", null, null, null, "request", List.of(), null, null);
        return selectPage(ws.workspaceId(), wsId, form, List.of(), model);
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations")
    String plan(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId, PlanForm form,
            Model model, RequestMetadata request) {
        try {
            PlanCommand.Value value = null;
            BulkAction action = BulkApiController.parse(BulkAction.class, "action", form.action());
            if (action != null && action.changesBudget()) {
                value = "amount".equals(form.valueKind()) || action == BulkAction.SET_BUDGET
                        ? new PlanCommand.Value(form.value(), null, form.floor(), form.ceiling())
                        : new PlanCommand.Value(null, form.value(), form.floor(), form.ceiling());
            }
            PlanCommand command = new PlanCommand(action, BulkApiController.parse(BulkLevel.class, "level", form.level()),
                    Boolean.TRUE.equals(form.allMatching()) ? null : form.ids() == null ? List.of() : form.ids(),
                    Boolean.TRUE.equals(form.allMatching()) ? new PlanCommand.Filter(blank(form.advertiserId()), blank(form.campaignId()),
                            blank(form.status()), blank(form.q())) : null, value, null, schedule(form));
            ChangeSetView planned = bulk.plan(BulkApiController.who(caller, request), ws.workspaceId(), command, null);
            return "redirect:/workspaces/" + wsId + "/bulk-operations/" + planned.id();
        } catch (ValidationFailedException e) {
            return selectPage(ws.workspaceId(), wsId, form, e.problems(), model);
        } catch (TikTokApiException e) {
            return selectPage(ws.workspaceId(), wsId, form, List.of(new FieldProblem("targets",
                    "TikTok could not be read just now; nothing was planned. Try again.")), model);
        }
    }

    /** The weekly pattern of the form, checked in the page's words first (the facade checks it again). */
    private static WeeklySchedule schedule(PlanForm form) {
        if (!form.weekly()) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> days = form.days() == null ? List.of() : form.days();
        if (days.isEmpty()) {
            problems.add(new FieldProblem("schedule.days", "Choose at least one day."));
        }
        String time = blank(form.time());
        if (time == null) {
            problems.add(new FieldProblem("schedule.time", "Give the time of day, e.g. 23:00."));
        } else {
            try {
                java.time.LocalTime.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("schedule.time", "Give the time of day as hours and minutes, e.g. 23:00."));
            }
        }
        String zone = blank(form.timezone());
        if (zone != null) {
            try {
                java.time.ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                problems.add(new FieldProblem("schedule.timezone",
                        "Not a timezone: pick one from the list (e.g. Europe/Berlin) or leave it empty."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new WeeklySchedule(days, time, zone);
    }

    private String selectPage(WorkspaceId ws, String wsId, PlanForm form, List<FieldProblem> problems, Model model) {
        BulkLevel level;
        try {
            level = BulkApiController.parse(BulkLevel.class, "level", form.level());
        } catch (ValidationFailedException e) {
            level = BulkLevel.AD;
        }
        EntityKind kind = level == BulkLevel.CAMPAIGN ? EntityKind.CAMPAIGN
                : level == BulkLevel.ADGROUP ? EntityKind.AD_GROUP : EntityKind.AD;
        InventoryPage matching;
        List<FieldProblem> all = new ArrayList<>(problems);
        try {
            // the plan form sends empty filters as "": they filter nothing (re-shown after a refused plan)
            matching = inventory.list(ws, new InventoryQuery(kind, blank(form.advertiserId()), blank(form.status()),
                    null, kind == EntityKind.CAMPAIGN ? null : blank(form.campaignId()), null, blank(form.q()), null,
                    SELECT_PAGE, null));
        } catch (ValidationFailedException e) {
            all.addAll(e.problems());
            matching = new InventoryPage(List.of(), null, 0);
        }
        model.addAttribute("wsId", wsId);
        model.addAttribute("form", form);
        model.addAttribute("level", level);
        model.addAttribute("levels", BulkLevel.values());
        model.addAttribute("actions", BulkAction.values());
        model.addAttribute("matching", matching);
        // the advertisers by name, and the status filter as a choice among the statuses the level has here
        List<String> advertiserIds = matching.items().stream().map(i -> i.advertiserId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> advertiserNames = new LinkedHashMap<>();
        inventory.named(ws, EntityKind.ADVERTISER, advertiserIds).forEach((id, named) -> {
            if (named.name() != null) {
                advertiserNames.put(id, named.name());
            }
        });
        model.addAttribute("advertiserNames", advertiserNames);
        List<String> statuses = new ArrayList<>(inventory.filterValues(ws, kind).statuses());
        if (blank(form.status()) != null && !statuses.contains(form.status().trim())) {
            statuses.add(form.status().trim());
        }
        model.addAttribute("statuses", statuses);
        // schedule problems are shown next to their fields, the others above the form
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        all.stream().filter(p -> p.field() != null && p.field().startsWith("schedule."))
                .forEach(p -> fieldErrors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        model.addAttribute("problems", all.stream()
                .filter(p -> p.field() == null || !p.field().startsWith("schedule.")).toList());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("days", DAYS);
        model.addAttribute("zones", ZONES);
        return "bulk/select";
    }

    /**
     * The change set: status, schedule, approvals, totals and warnings over all its lines (counted in SQL), and its
     * lines {@value #LINES_PAGE} at a time, so that a 1,000-line preview stays a light page.
     */
    @GetMapping("/workspaces/{wsId}/bulk-operations/{id}")
    String detail(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
        ChangeSetView cs = bulk.summary(ws.workspaceId(), id).orElseThrow(() -> new NotFoundException("Change set"));
        CursorPage<ChangeSetView.Line> lines;
        try {
            lines = bulk.lines(ws.workspaceId(), id, LINES_PAGE, cursor);
        } catch (ValidationFailedException e) {
            model.addAttribute("linesProblem", "That page of lines does not exist: here are the first lines.");
            cursor = null;
            lines = bulk.lines(ws.workspaceId(), id, LINES_PAGE, null);
        }
        model.addAttribute("wsId", wsId);
        model.addAttribute("cs", cs);
        model.addAttribute("lines", lines);
        boolean laterPage = cursor != null && !cursor.isBlank();
        int total = cs.counts().total();
        String all = String.format(java.util.Locale.ENGLISH, "%,d", total) + (total == 1 ? " line" : " lines");
        model.addAttribute("laterPage", laterPage);
        model.addAttribute("linesCaption", laterPage ? "Further lines of the " + all + "."
                : lines.nextCursor() == null ? all + "." : "The first " + lines.items().size() + " of the " + all + ".");
        model.addAttribute("warnings", bulk.warnings(ws.workspaceId(), id));
        model.addAttribute("canPlan", ws.can(WorkspacePermission.CREATE_BULK_OPERATION));
        model.addAttribute("canDecide", ws.can(WorkspacePermission.APPROVE_BULK_OPERATION)
                && !cs.createdBy().equals(caller.id().toString()));
        return "bulk/detail";
    }

    @GetMapping("/workspaces/{wsId}/bulk-operations/{id}/progress")
    String progress(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("cs", bulk.summary(ws.workspaceId(), id)
                .orElseThrow(() -> new NotFoundException("Change set")));
        return "bulk/progress :: progress";
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations/{id}/approve")
    String approve(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, @RequestParam(required = false) String comment, RedirectAttributes redirect,
            RequestMetadata request) {
        return act(wsId, id, redirect, () -> bulk.approve(BulkApiController.who(caller, request), ws.workspaceId(), id, comment),
                "Approved.");
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations/{id}/reject")
    String reject(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
            RequestMetadata request) {
        return act(wsId, id, redirect, () -> bulk.reject(BulkApiController.who(caller, request), ws.workspaceId(), id, reason),
                "Rejected.");
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations/{id}/apply")
    String apply(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, RedirectAttributes redirect, RequestMetadata request) {
        return act(wsId, id, redirect, () -> bulk.apply(BulkApiController.who(caller, request), ws.workspaceId(), id),
                "Applying at TikTok.");
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations/{id}/cancel")
    String cancel(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, RedirectAttributes redirect, RequestMetadata request) {
        return act(wsId, id, redirect, () -> bulk.cancel(BulkApiController.who(caller, request), ws.workspaceId(), id),
                "Cancel requested.");
    }

    @PostMapping("/workspaces/{wsId}/bulk-operations/{id}/revert")
    String revert(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id, RedirectAttributes redirect, RequestMetadata request) {
        try {
            ChangeSetView revert = bulk.revert(BulkApiController.who(caller, request), ws.workspaceId(), id);
            redirect.addFlashAttribute("notice", "The revert is planned: review it below.");
            return "redirect:/workspaces/" + wsId + "/bulk-operations/" + revert.id();
        } catch (ConflictException | ValidationFailedException | TikTokApiException e) {
            redirect.addFlashAttribute("problem", message(e));
            return "redirect:/workspaces/" + wsId + "/bulk-operations/" + id;
        }
    }

    @GetMapping("/workspaces/{wsId}/bulk-policy")
    String policy(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("policy", bulk.policy(ws.workspaceId()));
        model.addAttribute("problems", List.of());
        return "bulk/policy";
    }

    @PostMapping("/workspaces/{wsId}/bulk-policy")
    String savePolicy(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceAccess ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(defaultValue = "ALWAYS") String approval, @RequestParam(required = false) Integer entities,
            @RequestParam(required = false) BigDecimal budgetIncreasePerDay,
            @RequestParam(required = false) Integer deletes,
            @RequestParam(required = false) BigDecimal maxBudgetIncreasePercent,
            @RequestParam(required = false) Integer cooldownMinutes,
            @RequestParam(required = false) List<Integer> blackoutHours,
            @RequestParam(required = false) String timezone, Model model, RedirectAttributes redirect,
            RequestMetadata request) {
        BulkPolicy policy = new BulkPolicy(approval, new BulkPolicy.Thresholds(entities, budgetIncreasePerDay, deletes),
                new BulkPolicy.Guardrails(maxBudgetIncreasePercent, cooldownMinutes,
                        blackoutHours == null ? List.of() : blackoutHours, timezone));
        try {
            bulk.updatePolicy(BulkApiController.who(caller, request), ws.workspaceId(), policy);
        } catch (ValidationFailedException e) {
            model.addAttribute("wsId", wsId);
            model.addAttribute("policy", policy);
            model.addAttribute("problems", e.problems());
            return "bulk/policy";
        }
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/workspaces/" + wsId + "/bulk-policy";
    }

    private String act(String wsId, String id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ConflictException | ValidationFailedException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/workspaces/" + wsId + "/bulk-operations/" + id;
    }

    private static String message(RuntimeException e) {
        if (e instanceof ValidationFailedException v) {
            return String.join(" ", v.problems().stream().map(FieldProblem::message).toList());
        }
        if (e instanceof TikTokApiException) {
            return "TikTok could not be read just now. Try again.";
        }
        return e.getMessage();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
