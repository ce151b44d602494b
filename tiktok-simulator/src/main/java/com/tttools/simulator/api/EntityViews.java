package com.tttools.simulator.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.core.Times;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Hash;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;

/** Renders campaigns, ad groups and ads with TikTok's field names (ids as strings, UTC timestamps). */
final class EntityViews {

    private EntityViews() {
    }

    static Map<String, Object> campaign(World w, int c, long now) {
        Dataset d = w.data;
        int adv = d.campAdv[c];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advertiser_id", d.id(Level.ADVERTISER, adv));
        m.put("campaign_id", d.id(Level.CAMPAIGN, c));
        m.put("campaign_name", w.name(Level.CAMPAIGN, c));
        m.put("campaign_type", "REGULAR_CAMPAIGN");
        m.put("campaign_system_origin", "TT_ADS_PLATFORM");
        m.put("objective", "LANDING_PAGE");
        m.put("objective_type", d.objective(c));
        m.put("app_promotion_type", d.objective(c).equals("APP_PROMOTION") ? "APP_INSTALL" : null);
        m.put("budget", w.budget(Level.CAMPAIGN, c, now));
        m.put("budget_mode", d.budgetMode(Level.CAMPAIGN, c));
        m.put("budget_optimize_on", false);
        m.put("operation_status", w.ownStatus(Level.CAMPAIGN, c, now));
        m.put("secondary_status", w.secondaryStatus(Level.CAMPAIGN, c, now));
        m.put("is_new_structure", true);
        m.put("is_search_campaign", false);
        m.put("is_smart_performance_campaign", false);
        m.put("is_advanced_dedicated_campaign", false);
        m.put("rf_campaign_type", d.buyingType(c).equals("AUCTION") ? null : "STANDARD");
        m.put("special_industries", List.of());
        m.put("po_number", null);
        m.put("rta_id", null);
        m.put("create_time", Times.utc(d.created(Level.CAMPAIGN, c)));
        m.put("modify_time", Times.utc(w.modifyTime(Level.CAMPAIGN, c, now)));
        return m;
    }

    static Map<String, Object> adgroup(World w, int g, long now) {
        Dataset d = w.data;
        int c = d.agCamp[g];
        int adv = d.campAdv[c];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advertiser_id", d.id(Level.ADVERTISER, adv));
        m.put("campaign_id", d.id(Level.CAMPAIGN, c));
        m.put("campaign_name", w.name(Level.CAMPAIGN, c));
        m.put("adgroup_id", d.id(Level.ADGROUP, g));
        m.put("adgroup_name", w.name(Level.ADGROUP, g));
        m.put("create_time", Times.utc(d.created(Level.ADGROUP, g)));
        m.put("modify_time", Times.utc(w.modifyTime(Level.ADGROUP, g, now)));
        m.put("operation_status", w.ownStatus(Level.ADGROUP, g, now));
        m.put("secondary_status", w.secondaryStatus(Level.ADGROUP, g, now));
        m.put("budget_mode", d.budgetMode(Level.ADGROUP, g));
        m.put("budget", w.budget(Level.ADGROUP, g, now));
        m.put("scheduled_budget", 0.0);
        long end = d.flightEnd(c);
        long start = d.created(Level.ADGROUP, g);
        m.put("schedule_type", end < 0 ? "SCHEDULE_FROM_NOW" : "SCHEDULE_START_END");
        m.put("schedule_start_time", Times.utc(start));
        m.put("schedule_end_time", Times.utc(end < 0 ? start + 3650L * 86_400 : end));
        m.put("dayparting", null);
        m.put("promotion_type", d.objective(c).equals("APP_PROMOTION") ? "APP_ANDROID" : "WEBSITE");
        m.put("optimization_goal", optimizationGoal(d.objective(c)));
        m.put("optimization_event", d.objective(c).equals("CONVERSIONS") ? "SHOPPING" : null);
        m.put("billing_event", d.objective(c).equals("TRAFFIC") ? "CPC" : "OCPM");
        m.put("bid_type", "BID_TYPE_NO_BID");
        m.put("bid_price", 0.0);
        m.put("conversion_bid_price", 0.0);
        m.put("pacing", "PACING_MODE_SMOOTH");
        m.put("placement_type", "PLACEMENT_TYPE_AUTOMATIC");
        m.put("placements", null);
        m.put("location_ids", List.of(locationId(d.market(adv).country())));
        m.put("languages", List.of());
        m.put("gender", "GENDER_UNLIMITED");
        m.put("age_groups", List.of("AGE_25_34", "AGE_35_44"));
        m.put("audience_ids", List.of());
        m.put("excluded_audience_ids", List.of());
        m.put("interest_category_ids", List.of());
        m.put("operating_systems", List.of());
        m.put("pixel_id", d.objective(c).equals("CONVERSIONS") ? d.id(Level.PIXEL, d.advPixelStart[adv]) : null);
        m.put("click_attribution_window", "SEVEN_DAYS");
        m.put("view_attribution_window", "ONE_DAY");
        m.put("creative_material_mode", "CUSTOM");
        m.put("is_new_structure", true);
        m.put("is_smart_performance_campaign", false);
        m.put("frequency", null);
        m.put("frequency_schedule", null);
        return m;
    }

    static Map<String, Object> ad(World w, int a, long now) {
        Dataset d = w.data;
        int g = d.adAg[a];
        int c = d.agCamp[g];
        int adv = d.campAdv[c];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advertiser_id", d.id(Level.ADVERTISER, adv));
        m.put("campaign_id", d.id(Level.CAMPAIGN, c));
        m.put("campaign_name", w.name(Level.CAMPAIGN, c));
        m.put("adgroup_id", d.id(Level.ADGROUP, g));
        m.put("adgroup_name", w.name(Level.ADGROUP, g));
        m.put("ad_id", d.id(Level.AD, a));
        m.put("ad_name", w.name(Level.AD, a));
        m.put("create_time", Times.utc(d.created(Level.AD, a)));
        m.put("modify_time", Times.utc(w.modifyTime(Level.AD, a, now)));
        m.put("operation_status", w.ownStatus(Level.AD, a, now));
        m.put("secondary_status", w.secondaryStatus(Level.AD, a, now));
        boolean video = Hash.u(d.seed, 60, a, 0) < 0.8;
        m.put("ad_format", video ? "SINGLE_VIDEO" : "SINGLE_IMAGE");
        m.put("ad_text", d.adText(a));
        m.put("call_to_action", d.callToAction(a));
        m.put("landing_page_url", "https://www.example.com/" + d.market(adv).country().toLowerCase() + "/p/" + (a % 977));
        m.put("display_name", d.brand(d.advBc[adv]));
        int identity = d.advIdentityStart[adv];
        m.put("identity_type", "CUSTOMIZED_USER");
        m.put("identity_id", d.id(Level.IDENTITY, identity));
        m.put("video_id", video ? "v10033g50000" + Long.toHexString(Hash.of(d.seed, 61, a, 0)).substring(0, 12) : null);
        m.put("image_ids", video ? List.of() : List.of("ad-site-i18n-sg/" + Long.toHexString(Hash.of(d.seed, 62, a, 0))));
        m.put("tracking_pixel_id", null);
        m.put("deeplink", "");
        m.put("deeplink_type", "NORMAL");
        m.put("is_aco", false);
        m.put("is_new_structure", true);
        m.put("creative_authorized", Hash.u(d.seed, 63, a, 0) < 0.3);
        m.put("optimization_event", d.objective(c).equals("CONVERSIONS") ? "SHOPPING" : null);
        return m;
    }

    static String optimizationGoal(String objective) {
        return switch (objective) {
            case "TRAFFIC" -> "CLICK";
            case "REACH" -> "REACH";
            case "VIDEO_VIEWS" -> "ENGAGED_VIEW";
            case "APP_PROMOTION" -> "INSTALL";
            case "LEAD_GENERATION" -> "LEAD_GENERATION";
            case "ENGAGEMENT" -> "FOLLOWERS";
            default -> "CONVERT";
        };
    }

    static String locationId(String country) {
        return switch (country) {
            case "US" -> "6252001";
            case "JP" -> "1861060";
            case "AU" -> "2077456";
            case "KR" -> "1835841";
            case "DE" -> "2921044";
            case "GB" -> "2635167";
            case "BR" -> "3469034";
            case "VN" -> "1562822";
            case "NZ" -> "2186224";
            case "CL" -> "3895114";
            default -> "3017382";
        };
    }

    /** fields projection and exclude_field_types_in_response=["NULL_FIELD"]. Unknown field names are ignored. */
    static Map<String, Object> project(Map<String, Object> full, List<String> fields, boolean dropNulls) {
        Map<String, Object> out;
        if (fields == null || fields.isEmpty()) {
            out = full;
        } else {
            out = new LinkedHashMap<>();
            for (String f : fields) {
                if (full.containsKey(f)) {
                    out.put(f, full.get(f));
                }
            }
        }
        if (dropNulls) {
            Iterator<Map.Entry<String, Object>> it = out.entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue() == null) {
                    it.remove();
                }
            }
        }
        return out;
    }
}
