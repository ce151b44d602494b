package com.tttools.app.notifications.alerts;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryItem;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Campaigns' delivery status and daily budget, read page by page through the inventory facade. */
@Component
class CampaignStates {

    /** A campaign as the inventory last saw it: whether it is switched on, and its daily budget (null unless daily). */
    record CampaignState(String advertiserId, String campaignId, String name, boolean enabled, BigDecimal dailyBudget) {
    }

    private static final int PAGE = 500;
    private final Inventory inventory;

    CampaignStates(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The workspace's campaigns that are not removed, within the scope (empty collections: all). */
    List<CampaignState> campaigns(WorkspaceId workspace, Collection<String> advertiserIds, Collection<String> campaignIds) {
        List<String> advertisers = advertiserIds.isEmpty() ? Arrays.asList((String) null) : List.copyOf(advertiserIds);
        List<CampaignState> found = new ArrayList<>();
        for (String advertiser : advertisers) {
            String cursor = null;
            do {
                InventoryPage page = inventory.list(workspace, new InventoryQuery(EntityKind.CAMPAIGN, advertiser, null,
                        null, null, null, null, null, PAGE, cursor));
                for (InventoryItem item : page.items()) {
                    if (!item.removed() && (campaignIds.isEmpty() || campaignIds.contains(item.tiktokId()))) {
                        found.add(state(item));
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return found;
    }

    private static CampaignState state(InventoryItem item) {
        Object mode = item.details().get("budgetMode");
        Object budget = item.details().get("budget");
        BigDecimal daily = null;
        if ("BUDGET_MODE_DAY".equals(mode) && budget != null) {
            try {
                daily = new BigDecimal(budget.toString());
            } catch (NumberFormatException e) {
                daily = null;
            }
        }
        return new CampaignState(item.advertiserId(), item.tiktokId(), item.name(),
                "ENABLE".equals(item.details().get("operationStatus")), daily);
    }
}
