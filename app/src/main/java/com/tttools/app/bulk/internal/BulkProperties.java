package com.tttools.app.bulk.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of change sets ({@code tttools.bulk.*}).
 *
 * @param approvalTtl            how long a plan waits for approval before it expires
 * @param maxTargets             most lines one change set may have
 * @param campaignMinimumBudgets TikTok's smallest daily campaign budget per currency (a plan below it warns)
 * @param adGroupMinimumBudgets  the same for ad groups
 */
@Validated
@ConfigurationProperties("tttools.bulk")
record BulkProperties(Duration approvalTtl, Integer maxTargets, Map<String, BigDecimal> campaignMinimumBudgets,
        Map<String, BigDecimal> adGroupMinimumBudgets) {

    /**
     * TikTok's published minimums (50 a day for campaigns, 20 for ad groups, in USD), taken as the same figures in
     * currencies with cents and scaled for those without (JPY, KRW, CLP by 100; VND by 20,000).
     */
    static final Map<String, BigDecimal> CAMPAIGN_MINIMUMS = minimums(50);
    static final Map<String, BigDecimal> AD_GROUP_MINIMUMS = minimums(20);

    private static Map<String, BigDecimal> minimums(long usd) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        for (String cents : List.of("USD", "EUR", "GBP", "AUD", "NZD", "BRL", "CAD", "SGD")) {
            out.put(cents, bd(usd));
        }
        for (String whole : List.of("JPY", "KRW", "CLP")) {
            out.put(whole, bd(usd * 100));
        }
        out.put("VND", bd(usd * 20_000));
        return Map.copyOf(out);
    }

    BulkProperties {
        approvalTtl = approvalTtl == null ? Duration.ofHours(24) : approvalTtl;
        maxTargets = maxTargets == null ? 5000 : maxTargets;
        campaignMinimumBudgets = campaignMinimumBudgets == null || campaignMinimumBudgets.isEmpty()
                ? CAMPAIGN_MINIMUMS : Map.copyOf(campaignMinimumBudgets);
        adGroupMinimumBudgets = adGroupMinimumBudgets == null || adGroupMinimumBudgets.isEmpty()
                ? AD_GROUP_MINIMUMS : Map.copyOf(adGroupMinimumBudgets);
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }
}
