package com.tttools.app.bulk.internal;

import java.math.BigDecimal;
import java.time.Duration;
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

    /** Minimums in the spirit of TikTok's (50 / 20 USD a day), in each simulated market's currency. */
    static final Map<String, BigDecimal> CAMPAIGN_MINIMUMS = Map.of("USD", bd(50), "EUR", bd(50), "GBP", bd(40),
            "AUD", bd(75), "NZD", bd(80), "JPY", bd(5000), "KRW", bd(60000), "BRL", bd(250), "VND", bd(1200000),
            "CLP", bd(45000));
    static final Map<String, BigDecimal> AD_GROUP_MINIMUMS = Map.of("USD", bd(20), "EUR", bd(20), "GBP", bd(16),
            "AUD", bd(30), "NZD", bd(32), "JPY", bd(2000), "KRW", bd(24000), "BRL", bd(100), "VND", bd(480000),
            "CLP", bd(18000));

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
