package com.tttools.app.inventory.web;

import com.tttools.app.identity.AuthenticatedUser;
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
import com.tttools.app.tenancy.WorkspaceAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final InventoryGuard guard;

    InventoryPageController(Inventory inventory, Jobs jobs, InventoryGuard guard) {
        this.inventory = inventory;
        this.jobs = jobs;
        this.guard = guard;
    }

    @GetMapping("/workspaces/{wsId}/inventory")
    String overview(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId, Model model) {
        WorkspaceId workspace = guard.workspace(caller, wsId);
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
    String list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String collection, @RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String objective,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String adGroupId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, Model model) {
        WorkspaceAccess access = guard.access(caller, wsId);
        WorkspaceId workspace = access.workspaceId();
        EntityKind kind = InventoryGuard.kind(collection);
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
            InventoryPage page = inventory.list(workspace, query, InventoryGuard.accountMoney(access));
            model.addAttribute("page", page);
            model.addAttribute("problems", List.of());
        } catch (ValidationFailedException e) {
            model.addAttribute("page", new InventoryPage(List.of(), null, 0));
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("workspaceEmpty", inventory.counts(workspace).values().stream().allMatch(n -> n == 0));
        return "inventory/list";
    }

    @GetMapping("/workspaces/{wsId}/inventory/{collection}/{id}")
    String detail(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String collection, @PathVariable String id, Model model) {
        WorkspaceAccess access = guard.access(caller, wsId);
        EntityKind kind = InventoryGuard.kind(collection);
        var item = inventory.find(access.workspaceId(), kind, id, InventoryGuard.accountMoney(access))
                .orElseThrow(() -> new NotFoundException("Entity"));
        model.addAttribute("wsId", wsId);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        model.addAttribute("fieldsJson", PRETTY.writeValueAsString(item.fields()));
        return "inventory/detail";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
