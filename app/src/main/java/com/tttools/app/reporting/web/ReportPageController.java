package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.reporting.internal.ReportEntityNames;
import com.tttools.app.reporting.internal.ReportViewStore;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /workspaces/{wsId}/reports}: date range (with presets), level, metrics and filters; a daily chart with
 * provisional days marked; totals per currency against the previous period; the entities with their change
 * against the previous period, sortable, with drill-down from advertiser to campaigns to ad groups to ads; saved
 * views; a CSV of what is shown.
 */
@Controller
class ReportPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The filters that take several ids. */
    private static final List<String> ID_FILTERS = List.of("advertiserId", "campaignId", "adgroupId");
    static final int PAGE_SIZE = 50;
    /** Column titles per metric's API name. */
    private static final Map<String, String> LABELS = java.util.Arrays.stream(Metric.values())
            .collect(java.util.stream.Collectors.toMap(Metric::apiName, Metric::label));

    /** One table cell: the value and its change against the previous period ({@code up}, {@code down} or none). */
    record Cell(Object value, String change, String direction) {
    }

    /** An entity row of the table, with the link one level down (null at ad level). */
    record EntityRow(ReportResult.Row row, Map<String, Cell> cells, String drillUrl) {
    }

    record Link(String label, String url) {
    }

    record Column(String metric, String sortUrl, String sortMark) {
    }

    record ViewLink(ReportViewStore.View view, String url, boolean deletable) {
    }

    /** The parameters shown next to a control of the form; problems of others (ids, sort, page) go on top. */
    /** The sections of the page loaded after its first paint, in page order. */
    static final java.util.Set<String> SECTIONS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("summary", "entities", "days", "ledger")));

    private static final java.util.Set<String> CONTROLS = java.util.Set.of("level", "preset", "from", "to", "metric",
            "metrics", "status", "q", "advertiserId", "objective");

    private final Reports reports;
    private final ReportViewStore views;
    private final ReportEntityNames entityNames;
    private final Clock clock;

    private final com.tttools.app.inventory.Inventory inventory;

    ReportPageController(Reports reports, ReportViewStore views, ReportEntityNames entityNames, Clock clock,
            com.tttools.app.inventory.Inventory inventory) {
        this.inventory = inventory;
        this.reports = reports;
        this.views = views;
        this.entityNames = entityNames;
        this.clock = clock;
    }

    /**
     * The first paint: the controls, drill-down, saved views and CSV link, checked and named (a few statements);
     * the sections with figures follow from {@link #sections} as htmx fragments.
     */
    @GetMapping("/workspaces/{wsId}/reports")
    String page(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @Valid @ModelAttribute("form") ReportPageRequest form, BindingResult binding, Model model,
            HttpServletResponse response) {
        return render(caller, granted, form, binding, model, response, java.util.Set.of());
    }

    /**
     * One section of the page ({@code part}: summary, entities, days or ledger) as the fragment htmx swaps in;
     * without htmx (no JavaScript) the whole page with every section in it.
     */
    @GetMapping("/workspaces/{wsId}/reports/sections")
    String sections(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @Valid @ModelAttribute("form") ReportPageRequest form, BindingResult binding, Model model,
            HttpServletResponse response, @RequestParam(defaultValue = "") String part,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (htmx == null) {
            return render(caller, granted, form, binding, model, response, SECTIONS);
        }
        if (!SECTIONS.contains(part)) {
            throw new NotFoundException("Report section");
        }
        String view = render(caller, granted, form, binding, model, response, java.util.Set.of(part));
        // "section-summary", not "summary": a fragment selector also selects the elements it names, and the page's
        // <summary> elements (columns, saved views) came along with the figures
        return response.getStatus() == HttpStatus.OK.value() ? view + " :: section-" + part : view;
    }

    private String render(AuthenticatedUser caller, WorkspaceAccess granted, ReportPageRequest form,
            BindingResult binding, Model model, HttpServletResponse response, java.util.Set<String> parts) {
        WorkspaceId workspace = granted.workspaceId();
        boolean wholePage = parts.size() != 1;   // a fragment needs neither the saved views nor the drill-down names
        // The chart draws a summable metric; anything else falls back (the control only offers those).
        String metric = Metric.of(form.metric()).filter(Metric::additive).map(Metric::apiName)
                .orElse(Metric.SPEND.apiName());
        LocalDate today = LocalDate.now(clock.withZone(Timezones.zoneOrUtc(granted.timezone())));
        boolean custom = form.custom();
        String preset = form.preset();
        LocalDate[] range = custom ? null : ReportPresets.range(preset, today);
        if (!custom && range == null) {
            range = ReportPresets.range("last30", today);
            preset = "last30";
        }
        String fromValue = custom ? form.from() : range[0].toString();
        String toValue = custom ? form.to() : range[1].toString();
        String columns = form.metrics().isEmpty()
                ? String.join(",", ReportRequests.DEFAULT_METRICS.stream().map(Metric::apiName).toList())
                : form.metricsParameter();
        if (!List.of(columns.split(",")).contains(metric)) {
            columns = columns + "," + metric;
        }

        MultiValueMap<String, String> state = new LinkedMultiValueMap<>();
        state.add("level", form.level());
        if (custom) {
            state.add("from", fromValue);
            state.add("to", toValue);
        } else {
            state.add("preset", preset);
        }
        state.add("metric", metric);
        addIf(state, "metrics", form.metricsParameter());
        form.advertiserId().forEach(id -> addIf(state, "advertiserId", id));
        form.campaignId().forEach(id -> addIf(state, "campaignId", id));
        form.adgroupId().forEach(id -> addIf(state, "adgroupId", id));
        addIf(state, "status", form.status());
        addIf(state, "objective", form.objective());
        addIf(state, "q", form.q());
        addIf(state, "sort", form.sort());
        String base = "/workspaces/" + workspace + "/reports";

        model.addAttribute("workspace", granted);
        model.addAttribute("level", form.level());
        model.addAttribute("preset", custom ? "custom" : preset);
        model.addAttribute("presets", ReportPresets.LABELS);
        model.addAttribute("from", fromValue);
        model.addAttribute("to", toValue);
        model.addAttribute("metric", metric);
        model.addAttribute("chosenColumns", List.of(columns.split(",")));
        model.addAttribute("labels", LABELS);
        model.addAttribute("status", form.status());
        model.addAttribute("objective", form.objective());
        model.addAttribute("q", form.q());
        model.addAttribute("sort", form.sort());
        model.addAttribute("advertiserIds", form.advertiserId());
        model.addAttribute("campaignIds", form.campaignId());
        model.addAttribute("adgroupIds", form.adgroupId());
        model.addAttribute("metricChoices", List.of(Metric.values()).stream().filter(Metric::additive)
                .map(Metric::apiName).toList());
        boolean admin = granted.role() == WorkspaceRole.ADMIN;
        model.addAttribute("views", !wholePage ? List.of() : views.visibleTo(workspace, caller.id()).stream()
                .map(v -> new ViewLink(v, viewUrl(base, v), v.ownerId().equals(caller.id().toString())
                        || (admin && v.visibility() == ReportViewStore.Visibility.WORKSPACE)))
                .toList());
        model.addAttribute("viewQueryJson", JSON.writeValueAsString(viewQuery(state)));
        model.addAttribute("csvUrl", url("/api/v1/workspaces/" + workspace + "/reports.csv", without(state, "preset", "metric", "sort", "cursor"),
                Map.of("from", fromValue, "to", toValue, "groupBy", "date,entity", "metrics", columns)));

        // Every problem at once, each next to its control: the binder's and the report request's.
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
        ReportQuery byDate = null;
        ReportQuery byEntity = null;
        try {
            ReportRequests.Params daily = new ReportRequests.Params(form.level(), fromValue, toValue, columns,
                    "date", form.advertiserId(), form.campaignId(), form.adgroupId(), form.status(), form.q(), null,
                    form.objective());
            byDate = ReportRequests.parse(daily, 500, null).inCurrency(granted.currency());
            byEntity = ReportRequests.parse(new ReportRequests.Params(form.level(), fromValue, toValue, columns,
                    "entity", form.advertiserId(), form.campaignId(), form.adgroupId(), form.status(), form.q(),
                    form.sort(), form.objective()), PAGE_SIZE, form.cursor()).inCurrency(granted.currency());
        } catch (ValidationFailedException e) {
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        }
        // the status control offers the statuses the level's entities have; another one is answered next to it
        // instead of an empty report (a fragment comes from a page that passed this check)
        com.tttools.app.inventory.Inventory.FilterValues filterValues = wholePage
                ? inventory.filterValues(workspace, kindOf(form.level())) : null;
        List<String> statuses = wholePage ? statusOptions(form.level(), filterValues) : List.of();
        model.addAttribute("statusOptions", statuses);
        // the advertiser control: the advertisers the reports cover, by name; an id it does not offer is answered
        Map<String, String> advertiserOptions = wholePage ? entityNames.reportAdvertisers(workspace) : Map.of();
        model.addAttribute("advertiserOptions", advertiserOptions);
        if (wholePage && !errors.containsKey("advertiserId")
                && !advertiserOptions.keySet().containsAll(form.advertiserId())) {
            errors.put("advertiserId", "is not an advertiser this workspace reports on");
        }
        // the objective control offers the objectives the workspace's campaigns have, in words
        List<String> objectives = wholePage ? filterValues.objectives() : List.of();
        model.addAttribute("objectiveOptions", objectives);
        if (wholePage && form.objective() != null && !errors.containsKey("objective")
                && !objectives.contains(form.objective())) {
            errors.put("objective", "is not an objective any campaign here has");
        }
        if (wholePage && form.status() != null && !errors.containsKey("status") && !errors.containsKey("level")
                && !statuses.contains(form.status())) {
            errors.put("status", "is not a status any " + levelWords(form.level()) + " here has");
        }
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<String> elsewhere = errors.entrySet().stream().filter(e -> !CONTROLS.contains(e.getKey()))
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            model.addAttribute("error", "The report could not be shown: "
                    + (elsewhere.isEmpty() ? "correct the marked fields." : String.join("; ", elsewhere) + "."));
            return "reporting/reports";
        }
        List<String> metricNames = byDate.metrics().stream().map(Metric::apiName).toList();
        model.addAttribute("metricNames", metricNames);
        model.addAttribute("crumbs", wholePage ? crumbs(workspace, byEntity, state, base) : List.of());
        model.addAttribute("loaded", parts);
        model.addAttribute("reportingCurrency", granted.currency());
        model.addAttribute("money", metricNames.stream().filter(m -> Metric.of(m).map(Metric::money).orElse(false))
                .toList());
        MultiValueMap<String, String> sectionState = new LinkedMultiValueMap<>(state);
        addIf(sectionState, "cursor", form.cursor());
        Map<String, String> sectionUrls = new LinkedHashMap<>();
        sectionUrls.put("all", url(base + "/sections", sectionState, Map.of()));
        SECTIONS.forEach(part -> sectionUrls.put(part, url(base + "/sections", sectionState, Map.of("part", part))));
        model.addAttribute("sectionUrls", sectionUrls);
        ReportResult days = parts.contains("summary") || parts.contains("days") || parts.contains("ledger")
                ? reports.run(workspace, byDate) : null;
        if (days != null) {
            model.addAttribute("daily", days);
            Map<String, String> advertiserNames = new java.util.HashMap<>();
            days.advertisers().forEach(a -> advertiserNames.put(a.advertiserId(), a.name() == null ? a.advertiserId() : a.name()));
            model.addAttribute("advertiserNames", advertiserNames);
            model.addAttribute("totals", totals(days, metricNames));
            model.addAttribute("conversion", days.conversion());
            model.addAttribute("convertedTotal", days.convertedTotal() == null ? null
                    : cells(days.convertedTotal().metrics(), days.previousConvertedTotal() == null ? null
                            : days.previousConvertedTotal().metrics(), metricNames));
            model.addAttribute("earlierRateDays", days.conversion() == null ? java.util.Set.of()
                    : java.util.Set.copyOf(days.conversion().earlierRateDays()));
            model.addAttribute("chartJson", chart(days, metric));
            java.util.Set<LocalDate> provisional = new java.util.HashSet<>();
            days.dates().stream().filter(d -> d.status() == Finality.PROVISIONAL).forEach(d -> provisional.add(d.date()));
            model.addAttribute("provisionalDates", provisional);
            model.addAttribute("provisionalDays", provisional.size());
            model.addAttribute("settledThrough", ReportRequests.settledThrough(days));
        }
        if (parts.contains("ledger")) {
            model.addAttribute("finality", reports.finality(workspace, byDate.from(), byDate.to(),
                    byDate.filters().advertiserIds(), 200));
        }
        if (parts.contains("entities")) {
            ReportResult entities = reports.run(workspace, byEntity);
            if (!model.containsAttribute("conversion")) {
                model.addAttribute("conversion", entities.conversion());
            }
            Map<String, String> entityAdvertisers = new java.util.HashMap<>();
            entities.advertisers().forEach(a -> entityAdvertisers.put(a.advertiserId(), a.name() == null ? a.advertiserId() : a.name()));
            model.addAttribute("entityAdvertisers", entityAdvertisers);
            model.addAttribute("entities", entityRows(entities, metricNames, byEntity.level(), state, base));
            model.addAttribute("columns", columns(metricNames, byEntity.sort(), state, base));
            model.addAttribute("nameSort", sortLink("name", byEntity.sort(), state, base));
            model.addAttribute("nextPage", entities.hasMore()
                    ? url(base, state, Map.of("cursor", ReportRequests.encode(byEntity.offset() + byEntity.limit()))) : null);
        }
        return "reporting/reports";
    }

    /** Saves what the page shows as a view (private, or shared with the workspace), then opens it. */
    @PostMapping("/workspaces/{wsId}/reports/views")
    String saveView(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "PRIVATE") String visibility,
            @RequestParam(defaultValue = "{}") String query, RedirectAttributes redirect) {
        WorkspaceId workspace = granted.workspaceId();
        Map<String, Object> saved;
        try {
            saved = new LinkedHashMap<>(JSON.readValue(query, Map.class));
        } catch (RuntimeException e) {
            saved = new LinkedHashMap<>();
        }
        saved.putIfAbsent("groupBy", "date");
        try {
            SavedViewRequests.validate(name.strip(), visibility, saved,
                    LocalDate.now(clock.withZone(Timezones.zoneOrUtc(granted.timezone()))));
            views.create(workspace, caller.id(), name.strip(), ReportViewStore.Visibility.valueOf(visibility),
                    saved);
            redirect.addFlashAttribute("notice", "Saved the view “" + name.strip() + "”.");
        } catch (ValidationFailedException e) {
            redirect.addFlashAttribute("error", "The view was not saved: " + e.problems().get(0).field() + " "
                    + e.problems().get(0).message());
        }
        return "redirect:" + url("/workspaces/" + workspace + "/reports", pageParams(saved), Map.of());
    }

    @PostMapping("/workspaces/{wsId}/reports/views/{id}/delete")
    String deleteView(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @PathVariable String id, RedirectAttributes redirect) {
        SavedViewRequests.delete(views, granted, caller.id(), id);
        redirect.addFlashAttribute("notice", "Deleted the view.");
        return "redirect:/workspaces/" + granted.workspaceId() + "/reports";
    }

    /**
     * The page's state as a saved view's query: the id filters as JSON arrays (a report may filter by several
     * advertisers, campaigns or ad groups; one value each would save only the first), everything else as one value.
     */
    static Map<String, Object> viewQuery(MultiValueMap<String, String> state) {
        Map<String, Object> query = new LinkedHashMap<>();
        state.forEach((key, values) -> {
            if (ID_FILTERS.contains(key)) {
                query.put(key, List.copyOf(values));
            } else {
                query.put(key, values.get(0));
            }
        });
        return query;
    }

    private static String viewUrl(String base, ReportViewStore.View view) {
        return url(base, pageParams(view.query()), Map.of());
    }

    /** A saved view's query as the page's parameters: a JSON array as one parameter per item; the page groups itself. */
    private static MultiValueMap<String, String> pageParams(Map<String, Object> query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        query.forEach((k, v) -> {
            if (!k.equals("groupBy") && v instanceof List<?> list) {
                list.forEach(item -> params.add(k, String.valueOf(item)));
            } else if (!k.equals("groupBy") && v != null) {
                params.add(k, v.toString());
            }
        });
        return params;
    }

    /** Per currency: the totals and their change against the previous period of equal length. */
    private static List<Map<String, Object>> totals(ReportResult days, List<String> metricNames) {
        Map<String, Map<String, Object>> previous = new LinkedHashMap<>();
        days.previousTotals().forEach(t -> previous.put(t.currency(), t.metrics()));
        List<Map<String, Object>> totals = new ArrayList<>();
        for (ReportResult.Total total : days.totals()) {
            totals.add(Map.of("currency", total.currency(),
                    "cells", cells(total.metrics(), previous.get(total.currency()), metricNames)));
        }
        return totals;
    }

    private static List<EntityRow> entityRows(ReportResult entities, List<String> metricNames, ReportLevel level,
            MultiValueMap<String, String> state, String base) {
        List<EntityRow> rows = new ArrayList<>();
        for (ReportResult.Row row : entities.rows()) {
            rows.add(new EntityRow(row, cells(row.metrics(), row.previous(), metricNames), drillUrl(row, level, state, base)));
        }
        return rows;
    }

    private static Map<String, Cell> cells(Map<String, Object> now, Map<String, Object> before, List<String> names) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String name : names) {
            Object value = now.get(name);
            Object earlier = before == null ? null : before.get(name);
            cells.put(name, change(name, value, earlier, before != null));
        }
        return cells;
    }

    /** Costs per unit are better when they fall; spend is neither better nor worse; everything else is better up. */
    private static final List<String> LOWER_IS_BETTER = List.of("cpc", "cpm", "costPerConversion");

    /**
     * "+12.3%" against the previous period; "new" where it had nothing; blank where no comparison is possible.
     * The direction is {@code good} or {@code bad} for the metric (or {@code neutral}), for colouring.
     */
    static Cell change(String metric, Object value, Object earlier, boolean hadPrevious) {
        BigDecimal current = decimal(value);
        BigDecimal previous = decimal(earlier);
        if (current == null) {
            return new Cell(value, "", "");
        }
        if (!hadPrevious || previous == null || previous.signum() == 0) {
            return new Cell(value, current.signum() == 0 || !hadPrevious ? "" : "new", "");
        }
        BigDecimal percent = current.subtract(previous).multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 1, RoundingMode.HALF_UP);
        String sign = percent.signum() > 0 ? "+" : "";
        String direction;
        if (percent.signum() == 0 || metric.equals("spend")) {
            direction = "neutral";
        } else {
            direction = (percent.signum() > 0) != LOWER_IS_BETTER.contains(metric) ? "good" : "bad";
        }
        return new Cell(value, sign + percent.toPlainString() + "%", direction);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return null;
    }

    /** One level down, keeping the date range, metrics and the filters that still apply. */
    private static String drillUrl(ReportResult.Row row, ReportLevel level, MultiValueMap<String, String> state,
            String base) {
        if (level == ReportLevel.AD || row.entity() == null) {
            return null;
        }
        MultiValueMap<String, String> next = without(state, "level", "sort", "cursor", "q", "status");
        next.add("level", level == ReportLevel.ADVERTISER ? "CAMPAIGN" : level == ReportLevel.CAMPAIGN ? "ADGROUP" : "AD");
        switch (level) {
            case ADVERTISER -> next.set("advertiserId", row.entity().tiktokId());
            case CAMPAIGN -> next.set("campaignId", row.entity().tiktokId());
            case ADGROUP -> {
                next.set("campaignId", row.entity().campaignId());
                next.set("adgroupId", row.entity().tiktokId());
            }
            default -> {
            }
        }
        return url(base, next, Map.of());
    }

    /**
     * The drill-down trail: all campaigns, then the advertiser, campaign and ad group filtered on, named from
     * inventory in one query.
     */
    private List<Link> crumbs(WorkspaceId workspace, ReportQuery query, MultiValueMap<String, String> state, String base) {
        List<Link> crumbs = new ArrayList<>();
        List<String> advertisers = query.filters().advertiserIds();
        List<String> campaigns = query.filters().campaignIds();
        List<String> adgroups = query.filters().adgroupIds();
        if (advertisers.size() != 1 && campaigns.isEmpty() && adgroups.isEmpty()) {
            return crumbs;
        }
        ReportEntityNames.Names names = entityNames.of(workspace, advertisers.size() == 1 ? advertisers : List.of(),
                campaigns.size() == 1 ? campaigns : List.of(), campaigns.size() == 1 && adgroups.size() == 1 ? adgroups : List.of());
        MultiValueMap<String, String> top = without(state, "level", "advertiserId", "campaignId", "adgroupId", "cursor", "sort");
        top.add("level", "CAMPAIGN");
        if (advertisers.size() > 1) {
            top.addAll("advertiserId", advertisers);   // a filter on several advertisers stays: it is no drill-down
        }
        crumbs.add(new Link("All campaigns", url(base, top, Map.of())));
        MultiValueMap<String, String> parent = top;
        if (advertisers.size() == 1) {
            parent = without(top, "level");
            parent.add("level", "CAMPAIGN");
            parent.add("advertiserId", advertisers.get(0));
            crumbs.add(new Link("Advertiser " + names.advertisers().getOrDefault(advertisers.get(0), advertisers.get(0)),
                    url(base, parent, Map.of())));
        }
        if (campaigns.size() == 1) {
            MultiValueMap<String, String> campaign = without(parent, "level");
            campaign.add("level", "ADGROUP");
            campaign.add("campaignId", campaigns.get(0));
            crumbs.add(new Link("Campaign " + names.campaigns().getOrDefault(campaigns.get(0), campaigns.get(0)),
                    url(base, campaign, Map.of())));
            if (adgroups.size() == 1) {
                MultiValueMap<String, String> adgroup = without(campaign, "level");
                adgroup.add("level", "AD");
                adgroup.add("adgroupId", adgroups.get(0));
                crumbs.add(new Link("Ad group " + names.adgroups().getOrDefault(adgroups.get(0), adgroups.get(0)),
                        url(base, adgroup, Map.of())));
            }
        }
        return crumbs;
    }

    private static List<Column> columns(List<String> metricNames, ReportQuery.Sort sort,
            MultiValueMap<String, String> state, String base) {
        return metricNames.stream().map(m -> {
            Link link = sortLink(m, sort, state, base);
            return new Column(m, link.url(), link.label());
        }).toList();
    }

    /** A header link: descending first for metrics (biggest first), ascending first for names; a second click flips. */
    private static Link sortLink(String key, ReportQuery.Sort sort, MultiValueMap<String, String> state, String base) {
        boolean current = sort.key().equals(key);
        boolean descending = current ? !sort.descending() : !key.equals("name");
        MultiValueMap<String, String> next = without(state, "sort", "cursor");
        next.add("sort", (descending ? "-" : "") + key);
        return new Link(current ? (sort.descending() ? "▼" : "▲") : "", url(base, next, Map.of()));
    }

    /**
     * The chart's data. {@code converted}: one line, every currency summed in the reporting currency (money converted at
     * the day's rate; a day without a rate is a gap, not 0), on one axis. {@code native}: one line per currency, each
     * with its own axis (amounts in JPY and USD on one scale would flatten the smaller one). The page toggles.
     */
    private static String chart(ReportResult daily, String metric) {
        Map<String, Map<String, Object>> series = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        daily.dates().forEach(d -> labels.add(d.date().toString()));
        for (ReportResult.Row row : daily.rows()) {
            series.computeIfAbsent(row.currency(), c -> new LinkedHashMap<>()).put(row.date().toString(),
                    row.metrics().get(metric));
        }
        String label = LABELS.getOrDefault(metric, metric);
        List<Map<String, Object>> datasets = new ArrayList<>();
        series.forEach((currency, values) -> {
            List<Object> data = new ArrayList<>();
            labels.forEach(day -> data.add(values.getOrDefault(day, 0)));
            datasets.add(Map.of("label", label + " (" + currency + ")", "data", data));
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        if (!daily.convertedRows().isEmpty()) {
            Map<String, Object> byDay = new java.util.HashMap<>();
            daily.convertedRows().forEach(r -> byDay.put(r.date().toString(), r.metrics().get(metric)));
            List<Object> data = new ArrayList<>();
            labels.forEach(day -> data.add(byDay.containsKey(day) ? byDay.get(day) : 0));
            boolean money = Metric.of(metric).map(Metric::money).orElse(false);
            chart.put("converted", List.of(Map.of("label", label + (money ? " (" + daily.conversion().currency()
                    + ", converted)" : " (all currencies)"), "data", data)));
        }
        chart.put("provisional", daily.dates().stream().map(d -> d.status() == Finality.PROVISIONAL).toList());
        // Rendered inside <script type="application/json">: "</" must not close the element.
        return JSON.writeValueAsString(chart).replace("</", "<\\/");
    }

    /** The inventory kind of a report level; campaigns for the advertiser level (their objectives fill a control). */
    private static com.tttools.app.inventory.EntityKind kindOf(String level) {
        return switch (level == null ? "" : level) {
            case "ADGROUP" -> com.tttools.app.inventory.EntityKind.AD_GROUP;
            case "AD" -> com.tttools.app.inventory.EntityKind.AD;
            case "ADVERTISER" -> com.tttools.app.inventory.EntityKind.ADVERTISER;
            default -> com.tttools.app.inventory.EntityKind.CAMPAIGN;
        };
    }

    /** The statuses entities of the level have in the inventory, REMOVED last when some were deleted. */
    private static List<String> statusOptions(String level,
            com.tttools.app.inventory.Inventory.FilterValues values) {
        if (level == null || !List.of("ADVERTISER", "CAMPAIGN", "ADGROUP", "AD").contains(level)) {
            return List.of();
        }
        List<String> options = new java.util.ArrayList<>(values.statuses());
        if (values.removed()) {
            options.add(ReportQuery.REMOVED);
        }
        return options;
    }

    private static String levelWords(String level) {
        return "ADGROUP".equals(level) ? "ad group" : level == null ? "entity" : level.toLowerCase(java.util.Locale.ROOT);
    }

    private static String url(String path, MultiValueMap<String, String> params, Map<String, String> extra) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path).queryParams(params);
        extra.forEach(builder::replaceQueryParam);
        return builder.encode().build().toUriString();
    }

    private static MultiValueMap<String, String> without(MultiValueMap<String, String> state, String... keys) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(state);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    private static void addIf(MultiValueMap<String, String> state, String key, String value) {
        if (value != null && !value.isBlank()) {
            state.add(key, value);
        }
    }


}
