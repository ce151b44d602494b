package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A port the inventory owns and reporting implements: the delivery of campaigns, ad groups and ads over a period
 * of advertiser-local days, for the Ads-Manager columns of the inventory lists. Inventory may not depend on
 * reporting (reporting reads inventory's names), so the list asks through this interface instead; see
 * docs/inventory.md "Delivery columns". Without an implementation the lists show no delivery columns.
 */
public interface DeliveryMetrics {

    /** The metrics a list can sort by, under their sort keys. */
    List<String> SORT_KEYS = List.of("spend", "impressions", "clicks", "ctr", "cpc", "conversions", "cpa");

    /** One entity's summed delivery in the period, in its advertiser's currency. Ratios are null without a base. */
    record Delivery(String currency, BigDecimal spend, long impressions, long clicks, long conversions) {

        public static Delivery none(String currency) {
            return new Delivery(currency, BigDecimal.ZERO, 0, 0, 0);
        }

        /** Click-through rate in percent, two decimals. */
        public BigDecimal ctr() {
            return impressions == 0 ? null : BigDecimal.valueOf(clicks * 100L)
                    .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP);
        }

        public BigDecimal cpc() {
            return clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP);
        }

        /** Cost per conversion (CPA). */
        public BigDecimal cpa() {
            return conversions == 0 ? null : spend.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP);
        }
    }

    /** The delivery of the entities of {@code kind} with these TikTok ids; entities without any are absent. */
    Map<String, Delivery> of(WorkspaceId workspaceId, EntityKind kind, LocalDate from, LocalDate to,
            Collection<String> tiktokIds);

    /**
     * The TikTok ids of every entity of {@code kind} with delivery in the period, ordered by the metric
     * ({@link #SORT_KEYS}) in the direction asked (ties by id). Amounts compare as stored, in each advertiser's
     * currency.
     */
    List<String> ranking(WorkspaceId workspaceId, EntityKind kind, LocalDate from, LocalDate to, String metric,
            boolean descending);
}
