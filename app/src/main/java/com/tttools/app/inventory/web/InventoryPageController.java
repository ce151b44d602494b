package com.tttools.app.inventory.web;

import com.tttools.app.inventory.AssetSync;
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
import java.util.List;
import java.util.Map;
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

    private final Inventory inventory;
    private final Jobs jobs;

    InventoryPageController(Inventory inventory, Jobs jobs) {
        this.inventory = inventory;
        this.jobs = jobs;
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
            @RequestParam(required = false) String status, @RequestParam(required = false) String objective,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String adGroupId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, Model model) {
        WorkspaceId workspace = access.workspaceId();
        EntityKind kind = InventoryPaths.kind(collection);
        InventoryQuery query = new InventoryQuery(kind, blank(advertiserId), blank(status), blank(objective),
                blank(campaignId), blank(adGroupId), blank(q), blank(sort), 50, blank(cursor));
        model.addAttribute("wsId", wsId);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Arrays.asList(EntityKind.values()));
        model.addAttribute("query", query);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("drillCampaign", query.campaignId());
        model.addAttribute("drillAdGroup", query.adGroupId());
        try {
            InventoryPage page = inventory.list(workspace, query, InventoryPaths.accountMoney(access));
            model.addAttribute("page", page);
            model.addAttribute("problems", List.of());
        } catch (ValidationFailedException e) {
            model.addAttribute("page", new InventoryPage(List.of(), null, 0));
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("workspaceEmpty", inventory.counts(workspace).values().stream().allMatch(n -> n == 0));
        model.addAttribute("advertiserNames", advertiserNames(workspace));
        model.addAttribute("timezone", access.timezone());
        return "inventory/list";
    }

    @GetMapping("/workspaces/{wsId}/inventory/{collection}/{id}")
    String detail(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String wsId,
            @PathVariable String collection, @PathVariable String id, Model model) {
        EntityKind kind = InventoryPaths.kind(collection);
        var item = inventory.find(access.workspaceId(), kind, id, InventoryPaths.accountMoney(access))
                .orElseThrow(() -> new NotFoundException("Entity"));
        model.addAttribute("wsId", wsId);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        model.addAttribute("fieldsJson", PRETTY.writeValueAsString(item.fields()));
        model.addAttribute("advertiserNames", advertiserNames(access.workspaceId()));
        model.addAttribute("timezone", access.timezone());
        model.addAttribute("pageCrumb", item.name() == null ? item.tiktokId() : item.name());
        // the raw TikTok fields are for admins; everyone else reads the labelled ones
        model.addAttribute("showsRaw", access.can(com.tttools.app.tenancy.WorkspacePermission.MANAGE_CONNECTIONS));
        if (item.removed() && item.removedAt() != null) {
            // a deleted entity's performance: the 30 days up to its removal, not the (empty) last 30 days
            LocalDate last = item.removedAt().atZone(zoneOf(access.timezone())).toLocalDate();
            model.addAttribute("performanceFrom", last.minusDays(29).toString());
            model.addAttribute("performanceTo", last.toString());
        }
        return "inventory/detail";
    }

    /** Advertiser names by TikTok id, so pages name advertisers instead of showing their ids. */
    private Map<String, String> advertiserNames(WorkspaceId workspace) {
        Map<String, String> names = new java.util.HashMap<>();
        inventory.list(workspace, new InventoryQuery(EntityKind.ADVERTISER, null, null, null, null, null, null, null,
                500, null), false).items().forEach(a -> names.put(a.tiktokId(), a.name()));
        return names;
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
