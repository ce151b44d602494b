package com.tttools.app.inventory.web;

import com.tttools.app.inventory.DeliveryMetrics.Delivery;
import com.tttools.app.inventory.InventoryItem;
import java.math.BigDecimal;

/**
 * One row of a campaign / ad group / ad list: the entity, its delivery in the period (zeros when it had none),
 * its budget (null for ads and entities without one; {@code unlimited} for "no limit") with the advertiser's
 * currency, and whether it may be picked for a bulk change (removed entities cannot).
 */
public record ListRow(InventoryItem item, String advertiserName, Delivery delivery, BigDecimal budget,
        String budgetPer, boolean unlimited, String currency, boolean selectable) {
}
