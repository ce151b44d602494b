package com.tttools.app.reporting.web;

import com.tttools.app.reporting.internal.ReportViewStore;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspaceRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How a saved view is checked before it is stored, and deleted, by the views API and the reporting page alike. */
final class SavedViewRequests {

    private SavedViewRequests() {
    }

    /**
     * Deletes a view: its owner may, and a workspace ADMIN also deletes shared ones; an id that does not parse, and
     * a view of someone else that is private, are not found.
     */
    static void delete(ReportViewStore views, WorkspaceAccess granted, UserId caller, String id) {
        UUID viewId;
        try {
            viewId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Report view");
        }
        if (!views.delete(granted.workspaceId(), viewId, caller, granted.role() == WorkspaceRole.ADMIN)) {
            throw new NotFoundException("Report view");
        }
    }

    /** Name, visibility and the query as a report request would be checked; problems name {@code query.<param>}. */
    static void validate(String name, String visibility, Map<String, Object> query, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters long"));
        }
        if (Arrays.stream(ReportViewStore.Visibility.values()).noneMatch(v -> v.name().equals(visibility))) {
            problems.add(new FieldProblem("visibility", "must be PRIVATE or WORKSPACE"));
        }
        String preset = text(query, "preset");
        String from = text(query, "from");
        String to = text(query, "to");
        if (preset != null && !preset.equals("custom")) {
            LocalDate[] range = ReportPresets.range(preset, today);
            if (range == null) {
                problems.add(new FieldProblem("query.preset", "must be one of " + String.join(", ", ReportPresets.LABELS.keySet())));
            } else {
                from = range[0].toString();
                to = range[1].toString();
            }
        }
        try {
            ReportRequests.parse(params(query, from, to), 50, null);
        } catch (ValidationFailedException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem("query." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    static ReportRequests.Params params(Map<String, Object> query, String from, String to) {
        return new ReportRequests.Params(text(query, "level"), from, to, text(query, "metrics"),
                query.get("groupBy") == null ? "date" : text(query, "groupBy"), list(query, "advertiserId"),
                list(query, "campaignId"), list(query, "adgroupId"), text(query, "status"), text(query, "q"),
                text(query, "sort"), text(query, "objective"));
    }

    private static String text(Map<String, Object> query, String key) {
        Object value = query.get(key);
        return value == null ? null : value.toString();
    }

    /** A filter of ids saved as a JSON array or as one comma-separated string. */
    private static List<String> list(Map<String, Object> query, String key) {
        Object value = query.get(key);
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? null : List.of(value.toString());
    }
}
