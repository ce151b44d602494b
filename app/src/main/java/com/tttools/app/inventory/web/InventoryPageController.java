package com.tttools.app.inventory.web;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.inventory.DeliveryMetrics;
import com.tttools.app.inventory.DeliveryMetrics.Delivery;
import com.tttools.app.inventory.InventoryItem;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Inventory pages: one list per kind (search, filters, sort, paging), campaign → ad groups → ads, entity detail. */
@Controller
class InventoryPageController {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final List<String> SORTS = List.of("name", "-name", "status", "-status", "updatedAt", "-updatedAt",
            "tiktokId", "-tiktokId");
    private static final List<String> SORTS_WITH_DELIVERY = java.util.stream.Stream.concat(SORTS.stream(),
            DeliveryMetrics.SORT_KEYS.stream().flatMap(k -> java.util.stream.Stream.of("-" + k, k))).toList();
    /** The kinds TikTok reports delivery for, and bulk changes act on. */
    private static final java.util.Set<EntityKind> DELIVERING = java.util.EnumSet.of(EntityKind.CAMPAIGN,
            EntityKind.AD_GROUP, EntityKind.AD);

    private final Inventory inventory;
    private final Jobs jobs;
    private final DeliveryMetrics deliveryMetrics;
    private final java.time.Clock clock;
    private final StatusBadges badges;
    private final DetailFields detailFields;

    InventoryPageController(Inventory inventory, Jobs jobs, ObjectProvider<DeliveryMetrics> deliveryMetrics,
            java.time.Clock clock, StatusBadges badges, DetailFields detailFields) {
        this.badges = badges;
        this.detailFields = detailFields;
        this.inventory = inventory;
        this.jobs = jobs;
        // absent where reporting is not part of the context (inventory's module tests): no delivery columns then
        this.deliveryMetrics = deliveryMetrics.getIfAvailable();
        this.clock = clock;
    }

    @GetMapping("/workspaces/{wsId}/inventory")
    String overview(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String wsId, Model model) {
        WorkspaceId workspace = access.workspaceId();
        Map<EntityKind, Long> counts = inventory.counts(workspace);
        model.addAttribute("wsId", wsId);
        model.addAttribute("counts", counts);
        model.addAttribute("kinds", Arrays.asList(EntityKind.values()));
        model.addAttribute("empty", counts.values().stream().allMatch(n -> n == 0));
        List<JobView> syncs = jobs.list(workspace, JobFilter.of(AssetSync.JOB), 1, null).items();
        model.addAttribute("lastSync", syncs.isEmpty() ? null : syncs.get(0));
        return "inventory/overview";
    }

    @GetMapping("/workspaces/{wsId}/inventory/{collection}")
    String list(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String wsId,
            @PathVariable String collection, @RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) String objective,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String adGroupId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String period, @RequestParam(required = false) String cursor,
            Model model) {
        WorkspaceId workspace = access.workspaceId();
        EntityKind kind = InventoryPaths.kind(collection);
        List<String> statuses = status == null ? List.of()
                : status.stream().map(InventoryPageController::blank).filter(java.util.Objects::nonNull).distinct()
                        .toList();
        boolean delivers = deliveryMetrics != null && DELIVERING.contains(kind);
        String sortKey = blank(sort) == null ? "name" : blank(sort);
        InventoryQuery query = new InventoryQuery(kind, blank(advertiserId), null, blank(objective),
                blank(campaignId), blank(adGroupId), blank(q), sortKey, 50, blank(cursor), statuses);
        Map<String, InventoryItem> advertisers = advertisers(workspace);
        Inventory.FilterValues values = inventory.filterValues(workspace, kind);
        Map<String, List<String>> problems = new LinkedHashMap<>();

        DeliveryPeriod chosen = DeliveryPeriod.DEFAULT;
        if (blank(period) != null) {
            chosen = DeliveryPeriod.of(period.trim()).orElse(null);
            if (chosen == null) {
                problem(problems, "period", "is not one of the offered periods; showing the last 7 days");
                chosen = DeliveryPeriod.DEFAULT;
            }
        }
        checkKnown(kind, query, advertisers, values, problems);

        model.addAttribute("wsId", wsId);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Arrays.asList(EntityKind.values()));
        model.addAttribute("query", query);
        model.addAttribute("sorts", delivers ? SORTS_WITH_DELIVERY : SORTS);
        model.addAttribute("drillCampaign", query.campaignId());
        model.addAttribute("drillAdGroup", query.adGroupId());
        // the parent drilled into by its name (and a link to it), not by its TikTok id
        model.addAttribute("drillCampaignNamed", query.campaignId() == null ? null
                : inventory.named(workspace, EntityKind.CAMPAIGN, List.of(query.campaignId())).get(query.campaignId()));
        model.addAttribute("drillAdGroupNamed", query.adGroupId() == null ? null
                : inventory.named(workspace, EntityKind.AD_GROUP, List.of(query.adGroupId())).get(query.adGroupId()));
        model.addAttribute("delivers", delivers);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", DeliveryPeriod.values());
        model.addAttribute("filterValues", values);
        model.addAttribute("statusOptions", badges.options(values.statuses()));
        model.addAttribute("advertiserOptions", advertisers.values().stream()
                .sorted(java.util.Comparator.comparing(a -> a.name() == null ? a.tiktokId() : a.name().toLowerCase()))
                .toList());
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(access.timezone())));
        LocalDate from = chosen.from(today);
        LocalDate to = chosen.to(today);
        model.addAttribute("periodFrom", from);
        model.addAttribute("periodTo", to);
        InventoryPage page = new InventoryPage(List.of(), null, 0);
        boolean listed = problems.isEmpty() || problems.keySet().equals(java.util.Set.of("period"));
        if (listed) {
            try {
                String key = sortKey.startsWith("-") ? sortKey.substring(1) : sortKey;
                Inventory.Ranking ranking = delivers && DeliveryMetrics.SORT_KEYS.contains(key)
                        ? new Inventory.Ranking(key, deliveryMetrics.ranking(workspace, kind, from, to, key,
                                sortKey.startsWith("-")))
                        : null;
                page = inventory.list(workspace, query, InventoryPaths.accountMoney(access), ranking);
            } catch (ValidationFailedException e) {
                e.problems().forEach(p -> problem(problems, p.field(), p.message()));
            }
        }
        Map<String, Delivery> delivery = delivers && !page.items().isEmpty()
                ? deliveryMetrics.of(workspace, kind, from, to, page.items().stream().map(InventoryItem::tiktokId).toList())
                : Map.of();
        model.addAttribute("page", page);
        model.addAttribute("rows", page.items().stream().map(i -> row(i, advertisers, delivery)).toList());
        model.addAttribute("problems", problems);
        model.addAttribute("listed", listed && problems.keySet().stream().allMatch("period"::equals));
        boolean canPlan = DELIVERING.contains(kind) && access.can(WorkspacePermission.CREATE_BULK_OPERATION);
        model.addAttribute("canPlan", canPlan);
        // "all matching" goes to the bulk plan as its filter, which knows advertiser, campaign, one status and search
        model.addAttribute("bulkFilterFits", query.objective() == null && query.adGroupId() == null
                && statuses.size() <= 1);
        model.addAttribute("bulkLevel", kind == EntityKind.AD_GROUP ? "ADGROUP" : kind.name());
        model.addAttribute("bulkStatus", statuses.size() == 1 ? statuses.get(0) : null);
        model.addAttribute("workspaceEmpty", inventory.counts(workspace).values().stream().allMatch(n -> n == 0));
        model.addAttribute("advertiserNames", names(advertisers));
        model.addAttribute("timezone", access.timezone());
        return "inventory/list";
    }

    /** Filter values the workspace does not have are answered next to their control, not with an empty list. */
    private static void checkKnown(EntityKind kind, InventoryQuery query, Map<String, InventoryItem> advertisers,
            Inventory.FilterValues values, Map<String, List<String>> problems) {
        if (query.advertiserId() != null && !advertisers.containsKey(query.advertiserId())) {
            problem(problems, "advertiserId", "is not an advertiser of this workspace");
        }
        for (String s : query.allStatuses()) {
            if (!values.statuses().contains(s) && !("REMOVED".equals(s) && values.removed())) {
                problem(problems, "status", "no " + kind.collection().replace('-', ' ') + " here have the status \""
                        + s + "\"");
            }
        }
        if (query.objective() != null && kind == EntityKind.CAMPAIGN
                && !values.objectives().contains(query.objective())) {
            problem(problems, "objective", "no campaign here has the objective \"" + query.objective() + "\"");
        }
    }

    private static void problem(Map<String, List<String>> problems, String field, String message) {
        problems.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(message);
    }

    private static ListRow row(InventoryItem item, Map<String, InventoryItem> advertisers,
            Map<String, Delivery> delivery) {
        InventoryItem advertiser = item.advertiserId() == null ? null : advertisers.get(item.advertiserId());
        String currency = advertiser == null ? null : (String) advertiser.details().get("currency");
        Delivery d = delivery.get(item.tiktokId());
        if (d == null) {
            d = Delivery.none(currency);
        }
        Object budget = item.details().get("budget");
        String mode = item.details().get("budgetMode") instanceof String m ? m : null;
        boolean unlimited = "BUDGET_MODE_INFINITE".equals(mode);
        java.math.BigDecimal amount = budget instanceof Number n && !unlimited && n.doubleValue() > 0
                ? new java.math.BigDecimal(n.toString()) : null;
        String per = mode == null ? null : mode.contains("TOTAL") ? "total" : mode.contains("DYNAMIC") ? "/ day (dynamic)"
                : mode.contains("DAY") ? "/ day" : null;
        return new ListRow(item, advertiser == null ? null : advertiser.name(), d, amount, per, unlimited,
                currency != null ? currency : d.currency(), !item.removed());
    }

    /** The workspace's advertisers by TikTok id, so pages name advertisers and show their currency. */
    private Map<String, InventoryItem> advertisers(WorkspaceId workspace) {
        Map<String, InventoryItem> out = new java.util.HashMap<>();
        inventory.list(workspace, new InventoryQuery(EntityKind.ADVERTISER, null, null, null, null, null, null, null,
                500, null), false).items().forEach(a -> out.put(a.tiktokId(), a));
        return out;
    }

    private static Map<String, String> names(Map<String, InventoryItem> advertisers) {
        Map<String, String> names = new java.util.HashMap<>();
        advertisers.forEach((id, a) -> names.put(id, a.name()));
        return names;
    }

    @GetMapping("/workspaces/{wsId}/inventory/{collection}/{id}")
    String detail(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String wsId,
            @PathVariable String collection, @PathVariable String id, Model model, java.util.Locale locale) {
        EntityKind kind = InventoryPaths.kind(collection);
        var item = inventory.find(access.workspaceId(), kind, id, InventoryPaths.accountMoney(access))
                .orElseThrow(() -> new NotFoundException("Entity"));
        model.addAttribute("wsId", wsId);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        model.addAttribute("fieldsJson", PRETTY.writeValueAsString(item.fields()));
        Map<String, InventoryItem> advertisers = advertisers(access.workspaceId());
        model.addAttribute("advertiserNames", names(advertisers));
        // labelled fields in words, money in the advertiser's currency (an advertiser's own for itself)
        InventoryItem advertiser = kind == EntityKind.ADVERTISER ? item
                : item.advertiserId() == null ? null : advertisers.get(item.advertiserId());
        String currency = advertiser == null ? null : (String) advertiser.details().get("currency");
        model.addAttribute("fieldGroups", detailFields.of(item.details(), currency, locale));
        // parents by name, linked to their pages when the inventory has them
        model.addAttribute("campaign", item.campaignId() == null || kind == EntityKind.CAMPAIGN ? null
                : inventory.named(access.workspaceId(), EntityKind.CAMPAIGN, List.of(item.campaignId()))
                        .get(item.campaignId()));
        model.addAttribute("adGroup", item.parentId() == null || kind != EntityKind.AD ? null
                : inventory.named(access.workspaceId(), EntityKind.AD_GROUP, List.of(item.parentId()))
                        .get(item.parentId()));
        model.addAttribute("timezone", access.timezone());
        model.addAttribute("pageCrumb", item.name() == null ? item.tiktokId() : item.name());
        // the raw TikTok fields are for admins; everyone else reads the labelled ones
        model.addAttribute("showsRaw", access.can(com.tttools.app.tenancy.WorkspacePermission.MANAGE_CONNECTIONS));
        java.time.Instant deletedAt = deletedAt(item);
        if (deletedAt != null) {
            // a deleted entity's performance: the 30 days up to its deletion, not the (empty) last 30 days
            LocalDate last = deletedAt.atZone(zoneOf(access.timezone())).toLocalDate();
            model.addAttribute("performanceFrom", last.minusDays(29).toString());
            model.addAttribute("performanceTo", last.toString());
        }
        return "inventory/detail";
    }

    /**
     * When the entity was deleted, or null while it is not: gone from TikTok's listings (removedAt), or still listed
     * with a delete status ({@code CAMPAIGN_STATUS_DELETE}), which TikTok's last modification is the time of (else
     * the sync that saw it).
     */
    private static java.time.Instant deletedAt(InventoryItem item) {
        if (item.removed() && item.removedAt() != null) {
            return item.removedAt();
        }
        if (item.status() != null && item.status().contains("DELETE")) {
            return item.tiktokModifiedAt() != null ? item.tiktokModifiedAt() : item.updatedAt();
        }
        return null;
    }

    private static java.time.ZoneId zoneOf(String timezone) {
        try {
            return java.time.ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
