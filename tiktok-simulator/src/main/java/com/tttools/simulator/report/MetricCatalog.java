package com.tttools.simulator.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tttools.simulator.data.Level;

/** Which metrics each data level accepts (TikTok's BASIC report metrics), and TikTok's exact 40002 message for the rest. */
public final class MetricCatalog {

    public static final Set<String> MONEY = Set.of("spend", "billed_cost", "cash_spend", "voucher_spend", "cpc", "cpm", "cost_per_1000_reached",
            "cost_per_conversion", "real_time_cost_per_conversion", "cost_per_result", "real_time_cost_per_result", "cost_per_secondary_goal_result",
            "cost_per_app_install", "real_time_app_install_cost", "cost_per_registration", "cost_per_purchase", "total_purchase_value",
            "value_per_complete_payment", "total_onsite_shopping_value", "cost_per_sales_lead");

    static final Set<String> PERFORMANCE = Set.of("spend", "billed_cost", "impressions", "gross_impressions", "clicks", "ctr", "cpc", "cpm",
            "reach", "cost_per_1000_reached", "frequency", "conversion", "cost_per_conversion", "conversion_rate", "conversion_rate_v2",
            "real_time_conversion", "real_time_cost_per_conversion", "real_time_conversion_rate", "real_time_conversion_rate_v2", "result",
            "cost_per_result", "result_rate", "real_time_result", "real_time_cost_per_result", "real_time_result_rate", "secondary_goal_result",
            "cost_per_secondary_goal_result", "secondary_goal_result_rate", "video_play_actions", "video_watched_2s", "video_watched_6s",
            "video_views_p25", "video_views_p50", "video_views_p75", "video_views_p100", "average_video_play", "average_video_play_per_user",
            "likes", "comments", "shares", "follows", "profile_visits", "profile_visits_rate", "engagements", "engagement_rate",
            "app_install", "cost_per_app_install", "real_time_app_install", "real_time_app_install_cost", "registration", "cost_per_registration",
            "purchase", "cost_per_purchase", "total_purchase_value", "complete_payment", "value_per_complete_payment", "total_complete_payment_rate",
            "total_pageview", "onsite_shopping", "total_onsite_shopping_value", "vta_conversion", "cta_conversion", "vta_purchase", "cta_purchase",
            "sales_lead", "cost_per_sales_lead", "total_app_event_add_to_cart", "engaged_view", "engaged_view_15s", "paid_engaged_view",
            "clicks_on_music_disc");

    static final Set<String> ADVERTISER_ONLY = Set.of("cash_spend", "voucher_spend");
    static final Set<String> ADVERTISER_ATTRIBUTES = Set.of("advertiser_name", "currency");
    static final Set<String> CAMPAIGN_ATTRIBUTES = Set.of("campaign_name", "objective_type", "campaign_budget", "split_test", "opt_status");
    static final Set<String> ADGROUP_ATTRIBUTES = Set.of("campaign_id", "adgroup_name", "placement_type", "promotion_type", "budget", "bid",
            "bid_strategy", "billing_event", "dpa_target_audience_type");
    static final Set<String> AD_ATTRIBUTES = Set.of("adgroup_id", "ad_name", "ad_text", "call_to_action", "image_mode");
    /** Attribute metrics that are per-row descriptions, not sums. */
    public static final Set<String> ATTRIBUTES = union(ADVERTISER_ATTRIBUTES, CAMPAIGN_ATTRIBUTES, ADGROUP_ATTRIBUTES, AD_ATTRIBUTES);

    private MetricCatalog() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    public static boolean allowed(Level level, String reportType, String metric) {
        if (PERFORMANCE.contains(metric) || ADVERTISER_ATTRIBUTES.contains(metric)) {
            return true;
        }
        if (ADVERTISER_ONLY.contains(metric)) {
            return level == Level.ADVERTISER && reportType.equals("BASIC");
        }
        if (level == Level.ADVERTISER) {
            return false;
        }
        if (CAMPAIGN_ATTRIBUTES.contains(metric)) {
            return true;
        }
        if (level == Level.CAMPAIGN) {
            return false;
        }
        if (ADGROUP_ATTRIBUTES.contains(metric)) {
            return true;
        }
        return level == Level.AD && AD_ATTRIBUTES.contains(metric);
    }

    /** Python-list formatting as in the real message: Invalid metric fields: ['voucher_spend', 'cash_spend']. */
    public static String invalidMessage(List<String> invalid) {
        List<String> quoted = new ArrayList<>();
        invalid.forEach(m -> quoted.add("'" + m + "'"));
        return "Please correct the information in invalid metric fields and try again. Invalid metric fields: [" + String.join(", ", quoted) + "].";
    }
}
