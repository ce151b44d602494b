package com.tttools.app.audit.web;

import com.tttools.app.audit.ActorNames;
import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.audit.AutomaticActor;
import com.tttools.app.audit.JobNames;
import com.tttools.app.audit.VisibleScope;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /organizations/{orgId}/audit}: the audit log viewer (filters, cursor paging, CSV download of the
 * filtered set) and the chain verification. What the viewer sees comes from the {@link VisibleScope} that
 * tenancy decided for the request.
 */
@Controller
class AuditLogPageController {

    /** How many actors the "Who" control offers at most. */
    private static final int ACTOR_CHOICES = 200;

    private final AuditLog auditLog;
    private final ObjectProvider<ActorNames> actorNames;
    private final ObjectProvider<JobNames> jobNames;

    AuditLogPageController(AuditLog auditLog, ObjectProvider<ActorNames> actorNames,
            ObjectProvider<JobNames> jobNames) {
        this.auditLog = auditLog;
        this.actorNames = actorNames;
        this.jobNames = jobNames;
    }

    @GetMapping("/organizations/{orgId}/audit")
    String page(@PathVariable String orgId, VisibleScope scope, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String action,
            @RequestParam(required = false) String workspaceId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String cursor, Model model) {
        String view = filteredLog(orgId, scope, from, to, action, workspaceId, actor, cursor, model);
        model.addAttribute("actorNames", names(model));
        model.addAttribute("automaticActors", automaticActors(model));
        return view;
    }

    /**
     * The system actors of the shown events in words, by event id: "Campaign and asset sync (automatic)" linking to
     * the job's page while the job exists, instead of the stored {@code job:<id>}.
     */
    @SuppressWarnings("unchecked")
    private java.util.Map<UUID, AutomaticActor> automaticActors(Model model) {
        java.util.List<AuditEvent> events = (java.util.List<AuditEvent>) model.getAttribute("events");
        java.util.Map<WorkspaceId, java.util.Set<UUID>> jobsByWorkspace = new java.util.HashMap<>();
        for (AuditEvent e : events) {
            if (e.actor().isSystem() && e.workspaceId() != null) {
                AutomaticActor.jobOf(e.actor().system()).ifPresent(job ->
                        jobsByWorkspace.computeIfAbsent(e.workspaceId(), w -> new java.util.HashSet<>()).add(job));
            }
        }
        JobNames names = jobNames.getIfAvailable();
        java.util.Map<WorkspaceId, java.util.Map<UUID, String>> labels = new java.util.HashMap<>();
        if (names != null) {
            jobsByWorkspace.forEach((ws, jobs) -> labels.put(ws, names.labels(ws, jobs)));
        }
        java.util.Map<UUID, AutomaticActor> out = new java.util.HashMap<>();
        for (AuditEvent e : events) {
            if (e.actor().isSystem()) {
                out.put(e.id(), AutomaticActor.of(e.actor().system(),
                        e.workspaceId() == null ? null : e.workspaceId().toString(),
                        labels.getOrDefault(e.workspaceId(), java.util.Map.of())));
            }
        }
        return out;
    }

    /**
     * The names of everyone the page shows (the "Who" control and the events' actors), in one look-up; the log
     * keeps e-mail addresses only, which stay the fallback and the secondary line.
     */
    @SuppressWarnings("unchecked")
    private java.util.Map<UserId, String> names(Model model) {
        ActorNames names = actorNames.getIfAvailable();
        if (names == null) {
            return java.util.Map.of();
        }
        java.util.Set<UserId> ids = new java.util.HashSet<>();
        ((java.util.List<com.tttools.app.shared.audit.Actor>) model.getAttribute("actors")).stream()
                .map(com.tttools.app.shared.audit.Actor::userId).filter(java.util.Objects::nonNull).forEach(ids::add);
        ((java.util.List<AuditEvent>) model.getAttribute("events")).stream().map(e -> e.actor().userId())
                .filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids.isEmpty() ? java.util.Map.of() : names.displayNames(ids);
    }

    private String filteredLog(String orgId, VisibleScope scope, String from, String to, String action,
            String workspaceId, String actor, String cursor, Model model) {
        model.addAttribute("orgId", orgId);
        model.addAttribute("actions", java.util.Arrays.stream(AuditAction.values()).map(AuditAction::code).sorted()
                .toList());
        java.util.List<com.tttools.app.shared.audit.Actor> actors = auditLog.actors(
                AuditQuery.of(scope.organizationId()).visibleTo(scope.workspaces()), ACTOR_CHOICES);
        model.addAttribute("actors", actors);
        model.addAttribute("workspaces", scope.workspaceNames());
        model.addAttribute("actor", actor);
        model.addAttribute("automaticValue", AuditQuery.AUTOMATIC);
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        model.addAttribute("problems", problems);
        model.addAttribute("wholeOrganization", scope.seesWholeOrganization());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("action", action);
        model.addAttribute("workspaceId", workspaceId);
        model.addAttribute("csvUrl", withFilters(UriComponentsBuilder.fromPath("/api/v1/organizations/{id}/audit-events.csv"),
                from, to, action, workspaceId, "actorId", actor).buildAndExpand(orgId).encode().toUriString());
        // each filter's bad value is answered next to its control; the log is not shown as "no events" then
        Instant fromAt = check(problems, () -> date(from, false));
        Instant toAt = check(problems, () -> date(to, true));
        WorkspaceId inWorkspace = check(problems, () -> workspace(workspaceId, scope));
        boolean automatic = actor != null && AuditQuery.AUTOMATIC.equals(actor.trim());
        UserId byActor = automatic ? null : check(problems, () -> actor(actor));
        // a well-formed id of no one in the log is as wrong as a malformed one (when the list is complete)
        if (byActor != null && actors.size() < ACTOR_CHOICES
                && actors.stream().noneMatch(a -> byActor.equals(a.userId()))) {
            problems.put("actor", "is not someone in this log");
        }
        if (blankToNull(action) != null && AuditAction.ofCode(action.trim()).isEmpty()) {
            problems.put("action", "is not an action the audit log records");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("events", java.util.List.of());
            model.addAttribute("filtersInvalid", true);
            return "audit/log";
        }
        try {
            AuditQuery filtered = AuditQuery.of(scope.organizationId()).visibleTo(scope.workspaces())
                    .between(fromAt, toAt)
                    .withAction(blankToNull(action) == null ? null : action.trim())
                    .inWorkspace(inWorkspace)
                    .byActor(byActor)
                    .withLimit(50).after(blankToNull(cursor));
            CursorPage<AuditEvent> page = auditLog.search(automatic ? filtered.byAutomaticActors() : filtered);
            model.addAttribute("events", page.items());
            model.addAttribute("nextCursor", page.nextCursor());
            if (page.nextCursor() != null) {
                model.addAttribute("nextUrl", withFilters(UriComponentsBuilder.fromPath("/organizations/{id}/audit"),
                        from, to, action, workspaceId, "actor", actor).queryParam("cursor", "{cursor}")
                        .buildAndExpand(orgId, page.nextCursor()).encode().toUriString());
            }
        } catch (InvalidAuditInputException e) {
            problems.put(e.field(), e.getMessage());
            model.addAttribute("events", java.util.List.of());
            model.addAttribute("filtersInvalid", true);
        }
        return "audit/log";
    }

    @PostMapping("/organizations/{orgId}/audit/verify")
    String verify(@PathVariable String orgId, VisibleScope scope, Model model) {
        if (!scope.seesWholeOrganization()) {
            throw new NotFoundException("Organization");
        }
        model.addAttribute("orgId", orgId);
        model.addAttribute("verification", auditLog.verify(scope.organizationId()));
        return "audit/verification";
    }

    /**
     * Only the filters that are set: an empty parameter would be sent as a filter on "". The actor is {@code actor}
     * on this page and {@code actorId} in the API.
     */
    private static UriComponentsBuilder withFilters(UriComponentsBuilder builder, String from, String to, String action,
            String workspaceId, String actorParameter, String actor) {
        return builder.queryParamIfPresent("from", Optional.ofNullable(blankToNull(from)))
                .queryParamIfPresent(actorParameter, Optional.ofNullable(blankToNull(actor)))
                .queryParamIfPresent("to", Optional.ofNullable(blankToNull(to)))
                .queryParamIfPresent("action", Optional.ofNullable(blankToNull(action)))
                .queryParamIfPresent("workspaceId", Optional.ofNullable(blankToNull(workspaceId)));
    }

    private static java.time.Instant date(String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (!StorableValues.isStorable(date)) {
                throw new java.time.DateTimeException("out of range");
            }
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new InvalidAuditInputException(endOfDay ? "to" : "from", "must be a date (YYYY-MM-DD)");
        }
    }

    private static <T> T check(java.util.Map<String, String> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidAuditInputException e) {
            problems.put(e.field(), e.getMessage());
            return null;
        }
    }

    private static UserId actor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new UserId(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditInputException("actor", "is not someone in this log");
        }
    }

    /** One of the workspaces the control offers (the viewer's, by name); anything else is answered next to it. */
    private static WorkspaceId workspace(String value, VisibleScope scope) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            WorkspaceId id = new WorkspaceId(UUID.fromString(value.trim()));
            if (scope.workspaceNames().containsKey(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below, as an unknown workspace
        }
        throw new InvalidAuditInputException("workspaceId", "is not one of the workspaces you can see in this log");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
