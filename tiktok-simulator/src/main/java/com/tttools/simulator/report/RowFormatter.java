package com.tttools.simulator.report;

import static com.tttools.simulator.report.MetricsModel.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Hash;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;

/**
 * Renders rows the way TikTok does: {dimensions, metrics} with every metric a string, money with two
 * decimals in the account currency (no decimals in multi-advertiser reports), derived ratios by the
 * formulas TikTok uses, and "-" where TikTok has no value.
 */
public final class RowFormatter {

    private final ReportQuery q;
    private final World world;
    private final long now;

    public RowFormatter(ReportQuery q, World world, long now) {
        this.q = q;
        this.world = world;
        this.now = now;
    }

    public Map<String, Object> row(ReportEngine.Row row) {
        Map<String, Object> dims = new LinkedHashMap<>();
        String[] labels = ReportEngine.breakdownLabels(q, world, row);
        Dataset d = world.data;
        for (String dim : q.dimensions()) {
            switch (dim) {
                case "advertiser_id" -> dims.put(dim, d.id(Level.ADVERTISER, row.entity()));
                case "campaign_id" -> dims.put(dim, d.id(Level.CAMPAIGN, row.entity()));
                case "adgroup_id" -> dims.put(dim, d.id(Level.ADGROUP, row.entity()));
                case "ad_id" -> dims.put(dim, d.id(Level.AD, row.entity()));
                case "stat_time_day" -> dims.put(dim, LocalDate.ofEpochDay(row.time()) + " 00:00:00");
                case "stat_time_hour" -> dims.put(dim, LocalDate.ofEpochDay(Math.floorDiv(row.time(), 24)) + String.format(" %02d:00:00", Math.floorMod(row.time(), 24)));
                default -> dims.put(dim, labels[q.breakdowns().indexOf(dim)]);
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String m : q.metrics()) {
            metrics.put(m, metric(row, m));
        }
        if (q.multi()) {
            boolean known = row.advertiser() >= 0;
            metrics.put("advertiser_id", known ? d.id(Level.ADVERTISER, row.advertiser()) : "0");
            metrics.put("currency", known ? d.market(row.advertiser()).currency() : "0");
            metrics.put("timezone", known ? d.market(row.advertiser()).timezone() : "0");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dimensions", dims);
        out.put("metrics", metrics);
        return out;
    }

    /** Totals across all rows (enable_total_metrics): same formulas on the summed facts. */
    public Map<String, Object> totals(List<ReportEngine.Row> rows) {
        long[] sum = new long[N];
        for (ReportEngine.Row r : rows) {
            for (int m = 0; m < N; m++) {
                sum[m] += r.values()[m];
            }
        }
        int adv = q.advertisers().size() == 1 ? q.advertisers().get(0) : -1;
        ReportEngine.Row total = new ReportEngine.Row(adv, -1, -1, -1, sum);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String m : q.metrics()) {
            if (!MetricCatalog.ATTRIBUTES.contains(m)) {
                out.put(m, metric(total, m));
            }
        }
        if (q.multi()) {
            out.put("advertiser_id", "-");
            out.put("currency", "-");
            out.put("timezone", "-");
        }
        return out;
    }

    public String metric(ReportEngine.Row row, String name) {
        long[] v = row.values();
        if (MetricCatalog.ATTRIBUTES.contains(name)) {
            return attribute(row, name);
        }
        boolean moneyKnown = row.advertiser() >= 0;
        if (MetricCatalog.MONEY.contains(name) && !moneyKnown) {
            return "-";
        }
        int digits = moneyKnown ? world.data.market(row.advertiser()).digits() : 2;
        double spend = v[SPEND] / Math.pow(10, digits);
        long reach = reach(row);
        return switch (name) {
            case "spend", "billed_cost" -> money(spend);
            case "cash_spend" -> money((v[SPEND] - voucher(row)) / Math.pow(10, digits));
            case "voucher_spend" -> money(voucher(row) / Math.pow(10, digits));
            case "impressions" -> Long.toString(v[IMP]);
            case "gross_impressions" -> Long.toString(v[GROSS]);
            case "clicks" -> Long.toString(v[CLK]);
            case "ctr" -> ratio(v[CLK] * 100.0, v[IMP], 2);
            case "cpc" -> money(div(spend, v[CLK]));
            case "cpm" -> money(div(spend * 1000, v[IMP]));
            case "reach" -> Long.toString(reach);
            case "frequency" -> ratio(v[IMP], reach, 2);
            case "cost_per_1000_reached" -> money(div(spend * 1000, reach));
            case "conversion" -> Long.toString(v[CONV]);
            case "cost_per_conversion" -> money(div(spend, v[CONV]));
            case "conversion_rate" -> ratio(v[CONV] * 100.0, v[CLK], 2);
            case "conversion_rate_v2" -> ratio(v[CONV] * 100.0, v[IMP], 2);
            case "real_time_conversion" -> Long.toString(v[RT_CONV]);
            case "real_time_cost_per_conversion" -> money(div(spend, v[RT_CONV]));
            case "real_time_conversion_rate" -> ratio(v[RT_CONV] * 100.0, v[CLK], 2);
            case "real_time_conversion_rate_v2" -> ratio(v[RT_CONV] * 100.0, v[IMP], 2);
            case "result" -> Long.toString(v[RESULT]);
            case "cost_per_result" -> fixed(div(spend, v[RESULT]), q.multi() ? 0 : 3);
            case "result_rate" -> ratio(v[RESULT] * 100.0, v[IMP], 2);
            case "real_time_result" -> Long.toString(v[RT_RESULT]);
            case "real_time_cost_per_result" -> fixed(div(spend, v[RT_RESULT]), q.multi() ? 0 : 3);
            case "real_time_result_rate" -> ratio(v[RT_RESULT] * 100.0, v[IMP], 2);
            case "secondary_goal_result", "cost_per_secondary_goal_result", "secondary_goal_result_rate" -> "-";
            case "video_play_actions" -> Long.toString(v[VPLAY]);
            case "video_watched_2s" -> Long.toString(v[V2S]);
            case "video_watched_6s" -> Long.toString(v[V6S]);
            case "video_views_p25" -> Long.toString(v[P25]);
            case "video_views_p50" -> Long.toString(v[P50]);
            case "video_views_p75" -> Long.toString(v[P75]);
            case "video_views_p100" -> Long.toString(v[P100]);
            case "average_video_play" -> ratio(v[PLAYSEC], v[VPLAY], 2);
            case "average_video_play_per_user" -> ratio(v[PLAYSEC], reach, 2);
            case "likes" -> Long.toString(v[LIKES]);
            case "comments" -> Long.toString(v[COMMENTS]);
            case "shares" -> Long.toString(v[SHARES]);
            case "follows" -> Long.toString(v[FOLLOWS]);
            case "profile_visits" -> Long.toString(v[PVISITS]);
            case "profile_visits_rate" -> ratio(v[PVISITS] * 100.0, v[IMP], 2);
            case "engagements" -> Long.toString(engagements(v));
            case "engagement_rate" -> ratio(engagements(v) * 100.0, v[IMP], 2);
            case "app_install", "real_time_app_install" -> Long.toString(v[INSTALL]);
            case "cost_per_app_install", "real_time_app_install_cost" -> money(div(spend, v[INSTALL]));
            case "registration" -> Long.toString(v[REGISTRATION]);
            case "cost_per_registration" -> money(div(spend, v[REGISTRATION]));
            case "purchase", "complete_payment", "onsite_shopping" -> Long.toString(v[PURCHASE]);
            case "cost_per_purchase" -> money(div(spend, v[PURCHASE]));
            case "total_purchase_value", "total_onsite_shopping_value" -> money(v[VALUE] / Math.pow(10, digits));
            case "value_per_complete_payment" -> money(div(v[VALUE] / Math.pow(10, digits), v[PURCHASE]));
            case "total_complete_payment_rate" -> ratio(v[VALUE], v[SPEND], 2);
            case "total_pageview" -> Long.toString(v[PAGEVIEW]);
            case "vta_conversion" -> Long.toString(v[VTA]);
            case "cta_conversion" -> Long.toString(v[CONV] - v[VTA]);
            case "vta_purchase" -> Long.toString(v[VTA] * 45 / 100);
            case "cta_purchase" -> Long.toString(v[PURCHASE] - v[VTA] * 45 / 100);
            case "sales_lead" -> Long.toString(v[LEAD]);
            case "cost_per_sales_lead" -> money(div(spend, v[LEAD]));
            case "total_app_event_add_to_cart" -> Long.toString(v[CART]);
            case "engaged_view", "paid_engaged_view" -> Long.toString(v[ENGAGED]);
            case "engaged_view_15s" -> Long.toString(v[ENGAGED15]);
            case "clicks_on_music_disc" -> Long.toString(v[MUSIC]);
            default -> "-";
        };
    }

    private static long engagements(long[] v) {
        return v[CLK] + v[LIKES] + v[COMMENTS] + v[SHARES] + v[FOLLOWS] + v[PVISITS];
    }

    /** Reach is not additive: impressions divided by a per-row frequency between 1.05 and 1.5. */
    private long reach(ReportEngine.Row row) {
        long imp = row.values()[IMP];
        long key = ((long) row.entity() << 32) ^ (row.time() * 31 + row.breakdown()) ^ ((long) row.advertiser() << 50);
        double frequency = 1.05 + 0.45 * Hash.u(world.data.seed, 95, key, 0);
        return (long) Math.floor(imp / frequency);
    }

    /** Part of spend paid by vouchers: a fixed share per advertiser. */
    private long voucher(ReportEngine.Row row) {
        return row.advertiser() < 0 ? 0 : row.values()[SPEND] * Hash.between(world.data.seed, 96, row.advertiser(), 0, 0, 12) / 100;
    }

    private String attribute(ReportEngine.Row row, String name) {
        Dataset d = world.data;
        if (name.equals("advertiser_name") || name.equals("currency")) {
            if (row.advertiser() < 0) {
                return "-";
            }
            return name.equals("currency") ? d.market(row.advertiser()).currency() : d.advertiserName(row.advertiser());
        }
        if (row.entity() < 0) {
            return "-";
        }
        int ad = q.level() == Level.AD ? row.entity() : -1;
        int adgroup = q.level() == Level.ADGROUP ? row.entity() : ad >= 0 ? d.adAg[ad] : -1;
        int campaign = q.level() == Level.CAMPAIGN ? row.entity() : adgroup >= 0 ? d.agCamp[adgroup] : -1;
        return switch (name) {
            case "campaign_name" -> world.name(Level.CAMPAIGN, campaign);
            case "campaign_id" -> d.id(Level.CAMPAIGN, campaign);
            case "objective_type" -> d.objective(campaign);
            case "campaign_budget" -> budget(Level.CAMPAIGN, campaign);
            case "split_test" -> "CLOSE";
            case "opt_status" -> world.ownStatus(q.level(), row.entity(), now);
            case "adgroup_name" -> world.name(Level.ADGROUP, adgroup);
            case "adgroup_id" -> d.id(Level.ADGROUP, adgroup);
            case "placement_type" -> "PLACEMENT_TYPE_AUTOMATIC";
            case "promotion_type" -> d.objective(campaign).equals("APP_PROMOTION") ? "APP_ANDROID" : "WEBSITE";
            case "budget" -> budget(Level.ADGROUP, adgroup);
            case "bid", "dpa_target_audience_type" -> "-";
            case "bid_strategy" -> "BID_TYPE_NO_BID";
            case "billing_event" -> d.objective(campaign).equals("TRAFFIC") ? "CPC" : "OCPM";
            case "ad_name" -> world.name(Level.AD, ad);
            case "ad_text" -> d.adText(ad);
            case "call_to_action" -> d.callToAction(ad);
            case "image_mode" -> "SINGLE_VIDEO";
            default -> "-";
        };
    }

    private String budget(Level level, int idx) {
        double b = world.budget(level, idx, now);
        return b <= 0 ? "-" : money(b);
    }

    private String money(double major) {
        return fixed(major, q.multi() ? 0 : 2);
    }

    private static double div(double a, long b) {
        return b == 0 ? 0 : a / b;
    }

    private static String ratio(double a, long b, int dp) {
        return fixed(b == 0 ? 0 : a / b, dp);
    }

    static String fixed(double value, int dp) {
        return BigDecimal.valueOf(value).setScale(dp, RoundingMode.HALF_UP).toPlainString();
    }
}
