package com.tttools.simulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Paging;
import com.tttools.simulator.core.Times;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Hash;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.Market;

/** Business centers, advertisers and the smaller assets (pixels, catalogs, audiences, identities), plus user/info. */
final class AccountEndpoints {

    private static final List<String> ADVERTISER_FIELDS = List.of("telephone_number", "contacter", "currency", "cellphone_number", "timezone",
            "advertiser_id", "role", "company", "status", "description", "rejection_reason", "address", "name", "language", "industry",
            "license_no", "email", "license_url", "country", "balance", "create_time", "display_timezone", "owner_bc_id", "company_name_editable");

    private AccountEndpoints() {
    }

    private static TreeSet<Integer> visibleBcs(Call call) {
        TreeSet<Integer> bcs = new TreeSet<>();
        call.token.advertisers.forEach(a -> {
            if (a < call.data().advertisers()) {
                bcs.add(call.data().advBc[a]);
            }
        });
        return bcs;
    }

    private static int bcParam(Call call) {
        String id = call.params.required("bc_id");
        int bc = call.data().index(Level.BC, id);
        if (bc < 0 || !visibleBcs(call).contains(bc)) {
            throw new ApiException(ApiException.NO_PERMISSION, "No permission to operate business center " + id + ".");
        }
        return bc;
    }

    private static Map<String, Object> page(Call call, String key, List<Map<String, Object>> all, Paging paging) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, new ArrayList<>(paging.slice(all)));
        data.put("page_info", call.pageInfo(paging, all.size()));
        return data;
    }

    static Object businessCenters(Call call) {
        Paging paging = call.paging(10, 50);
        Dataset d = call.data();
        String only = call.params.str("bc_id");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int bc : visibleBcs(call)) {
            if (only != null && !only.equals(d.id(Level.BC, bc))) {
                continue;
            }
            Market market = d.market(d.bcAdvStart[bc]);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("bc_id", d.id(Level.BC, bc));
            info.put("name", d.bcName(bc));
            info.put("company", d.brand(bc) + " Inc.");
            info.put("currency", market.currency());
            info.put("registered_area", market.country());
            info.put("status", "ENABLE");
            info.put("timezone", market.timezone());
            info.put("type", bc % 3 == 2 ? "AGENCY" : "NORMAL");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bc_info", info);
            row.put("user_role", "ADMIN");
            row.put("ext_user_role", Map.of("finance_role", "MANAGER"));
            all.add(row);
        }
        return page(call, "list", all, paging);
    }

    static Object businessCenterAssets(Call call) {
        int bc = bcParam(call);
        String type = call.params.required("asset_type");
        Paging paging = call.paging(10, 50);
        Dataset d = call.data();
        List<Map<String, Object>> all = new ArrayList<>();
        switch (type) {
            case "ADVERTISER" -> {
                for (int a = d.bcAdvStart[bc]; a < d.bcAdvStart[bc + 1]; a++) {
                    Map<String, Object> m = asset(d.id(Level.ADVERTISER, a), d.advertiserName(a), type);
                    m.put("advertiser_status", "STATUS_ENABLE");
                    m.put("advertiser_account_type", "AUCTION");
                    m.put("advertiser_role", "ADMIN");
                    all.add(m);
                }
            }
            case "PIXEL" -> {
                for (int a = d.bcAdvStart[bc]; a < d.bcAdvStart[bc + 1]; a++) {
                    for (int p = d.advPixelStart[a]; p < d.advPixelStart[a + 1]; p++) {
                        all.add(asset(d.id(Level.PIXEL, p), pixelName(d, p), type));
                    }
                }
            }
            case "CATALOG" -> {
                for (int c = d.bcCatalogStart[bc]; c < d.bcCatalogStart[bc + 1]; c++) {
                    Map<String, Object> m = asset(d.id(Level.CATALOG, c), catalogName(d, c), type);
                    m.put("catalog_role", "ADMIN");
                    all.add(m);
                }
            }
            case "TT_ACCOUNT" -> {
                for (int a = d.bcAdvStart[bc]; a < d.bcAdvStart[bc + 1]; a++) {
                    for (int i = d.advIdentityStart[a]; i < d.advIdentityStart[a + 1]; i++) {
                        Map<String, Object> m = asset(d.id(Level.IDENTITY, i), identityName(d, i), type);
                        m.put("tt_account_roles", List.of("AD_PROMOTION"));
                        all.add(m);
                    }
                }
            }
            case "DOMAIN", "LEAD", "STOREFRONT", "TIKTOK_SHOP", "MANAGED_BUSINESS_ACCOUNT" -> {
                // no assets of these kinds in the simulated world
            }
            default -> throw ApiException.invalid("asset_type: Must be one of: ADVERTISER, CATALOG, DOMAIN, LEAD, PIXEL, STOREFRONT, TIKTOK_SHOP, TT_ACCOUNT.");
        }
        return page(call, "list", all, paging);
    }

    private static Map<String, Object> asset(String id, String name, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset_id", id);
        m.put("asset_name", name);
        m.put("asset_type", type);
        m.put("relation_type", "OWNER_BC");
        m.put("relation_status", "BOUND");
        return m;
    }

    static Object advertiserInfo(Call call) {
        List<Integer> advertisers = call.advertisersParam("advertiser_ids", 100);
        List<String> fields = call.params.stringList("fields");
        if (fields != null) {
            for (String f : fields) {
                if (!ADVERTISER_FIELDS.contains(f)) {
                    throw ApiException.invalid("fields: Invalid field " + f + ".");
                }
            }
        }
        Dataset d = call.data();
        List<Map<String, Object>> list = new ArrayList<>();
        for (int a : advertisers) {
            Market market = d.market(a);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("advertiser_id", d.id(Level.ADVERTISER, a));
            m.put("name", d.advertiserName(a));
            m.put("company", d.brand(d.advBc[a]) + " Inc.");
            m.put("status", "STATUS_ENABLE");
            m.put("role", "ROLE_ADVERTISER");
            m.put("advertiser_account_type", "AUCTION");
            m.put("currency", market.currency());
            m.put("country", market.country());
            m.put("timezone", market.timezone());
            m.put("display_timezone", market.displayTimezone());
            m.put("language", market.language());
            m.put("industry", "291905");
            m.put("balance", Hash.between(d.seed, 70, a, 0, 0, 50_000) * (market.digits() == 0 ? 100 : 1));
            m.put("create_time", d.advertiserCreated(a));
            m.put("address", (a + 1) + " Market Street");
            m.put("contacter", "Ad***s");
            m.put("email", "a***************@**********");
            m.put("cellphone_number", "+1347****53");
            m.put("telephone_number", "+1415****85");
            m.put("description", "https://www.example.com");
            m.put("license_no", "");
            m.put("license_url", null);
            m.put("rejection_reason", "");
            m.put("owner_bc_id", d.id(Level.BC, d.advBc[a]));
            m.put("company_name_editable", false);
            if (fields != null && fields.contains("company_name_editable")) {
                list.add(EntityViews.project(m, List.of("advertiser_id", "company_name_editable"), false));
            } else {
                list.add(EntityViews.project(m, fields, false));
            }
        }
        return Map.of("list", list);
    }

    static String pixelName(Dataset d, int p) {
        return d.brand(d.advBc[d.advertiserOf(Level.PIXEL, p)]) + " site pixel " + (p - d.advPixelStart[d.advertiserOf(Level.PIXEL, p)] + 1);
    }

    static Object pixels(Call call) {
        int adv = call.advertiserParam();
        Paging paging = call.paging(10, 20);
        Dataset d = call.data();
        String only = call.params.str("pixel_id");
        String name = call.params.str("name");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int p = d.advPixelStart[adv]; p < d.advPixelStart[adv + 1]; p++) {
            if ((only != null && !only.equals(d.id(Level.PIXEL, p))) || (name != null && !pixelName(d, p).contains(name))) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pixel_id", d.id(Level.PIXEL, p));
            m.put("pixel_code", "C" + String.format("%016X", Hash.of(d.seed, 71, p, 0)).substring(0, 15) + "SIM");   // zero-padded: short hex strings crashed
            m.put("pixel_name", pixelName(d, p));
            m.put("pixel_category", "THIRD_PARTY");
            m.put("pixel_setup_mode", "DEVELOPER");
            m.put("create_time", Times.utc(d.advertiserCreated(adv) + 86_400L * (p - d.advPixelStart[adv] + 1)));
            m.put("partner_name", "");
            m.put("advanced_matching_fields", Map.of("phone_number", false, "email", true));
            m.put("enable_first_party_cookies", true);
            List<Map<String, Object>> events = new ArrayList<>();
            String[][] kinds = {{"Purchase", "SHOPPING"}, {"Add to cart", "ADD_TO_CART"}, {"Complete registration", "REGISTRATION"}};
            for (int e = 0; e < kinds.length; e++) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("event_id", d.id(Level.PIXEL_EVENT, p * 4 + e));
                ev.put("name", kinds[e][0]);
                ev.put("custom_event_type", kinds[e][1]);
                ev.put("event_type", "STANDARD");
                ev.put("statistic_type", "EVERY_TIME");
                ev.put("currency", d.market(adv).currency());
                events.add(ev);
            }
            m.put("events", events);
            all.add(m);
        }
        if ("LATEST_CREATE".equals(call.params.str("order_by"))) {
            java.util.Collections.reverse(all);
        }
        return page(call, "pixels", all, paging);
    }

    static String catalogName(Dataset d, int c) {
        int bc = Dataset.owner(d.bcCatalogStart, c);
        return d.brand(bc) + " catalog " + (c - d.bcCatalogStart[bc] + 1);
    }

    static Object catalogs(Call call) {
        int bc = bcParam(call);
        Paging paging = call.paging(10, 100);
        Dataset d = call.data();
        String only = call.params.str("catalog_id");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int c = d.bcCatalogStart[bc]; c < d.bcCatalogStart[bc + 1]; c++) {
            if (only != null && !only.equals(d.id(Level.CATALOG, c))) {
                continue;
            }
            Market market = d.market(d.bcAdvStart[bc]);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("catalog_id", d.id(Level.CATALOG, c));
            m.put("catalog_name", catalogName(d, c));
            m.put("catalog_type", "ECOM");
            m.put("catalog_conf", Map.of("country", market.country(), "currency", market.currency()));
            Map<String, Object> bcInfo = new LinkedHashMap<>();
            bcInfo.put("bc_id", d.id(Level.BC, bc));
            bcInfo.put("bc_name", d.bcName(bc));
            bcInfo.put("picture_url", "");
            m.put("bc_info", bcInfo);
            long created = d.anchorSec - 400L * 86_400 + c * 3_600L;
            m.put("create_time", Long.toString(created));
            m.put("update_time", Long.toString(created + 86_400L * 30));
            m.put("ad_creation_eligible", "AVAILABLE");
            all.add(m);
        }
        return page(call, "list", all, paging);
    }

    static Object audiences(Call call) {
        int adv = call.advertiserParam();
        Paging paging = call.paging(10, 100);
        List<String> only = call.params.stringList("custom_audience_ids");
        if (only != null && (only.isEmpty() || only.size() > 100)) {
            throw ApiException.invalid("custom_audience_ids: Length must be between 1 and 100.");
        }
        Dataset d = call.data();
        String[] types = {"Customer File", "Engagement", "Website Traffic", "Lookalike Audience", "App Activity"};
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = d.advAudienceStart[adv]; i < d.advAudienceStart[adv + 1]; i++) {
            String id = d.id(Level.AUDIENCE, i);
            if (only != null && !only.contains(id)) {
                continue;
            }
            String type = types[Hash.between(d.seed, 72, i, 0, 0, types.length - 1)];
            long created = d.advertiserCreated(adv) + Hash.between(d.seed, 73, i, 0, 1, 600) * 86_400L;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("audience_id", id);
            m.put("name", type + " " + (i - d.advAudienceStart[adv] + 1));
            m.put("audience_type", type);
            m.put("cover_num", Hash.between(d.seed, 74, i, 0, 1_000, 2_000_000));
            m.put("is_valid", true);
            m.put("is_expiring", false);
            m.put("shared", false);
            m.put("is_creator", true);
            m.put("create_time", Times.utc(created));
            m.put("expired_time", Times.utc(created + 365L * 86_400));
            all.add(m);
        }
        return page(call, "list", all, paging);
    }

    static String identityName(Dataset d, int i) {
        return d.brand(d.advBc[d.advertiserOf(Level.IDENTITY, i)]).toLowerCase().replace(' ', '_') + "_" + (i % 97);
    }

    static Object identities(Call call) {
        int adv = call.advertiserParam();
        Paging paging = call.paging(20, 100);
        String type = call.params.str("identity_type");
        Dataset d = call.data();
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = d.advIdentityStart[adv]; i < d.advIdentityStart[adv + 1]; i++) {
            String kind = (i - d.advIdentityStart[adv]) == 0 ? "CUSTOMIZED_USER" : "TT_USER";
            if (type != null && !type.equals(kind)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identity_id", d.id(Level.IDENTITY, i));
            m.put("identity_type", kind);
            m.put("display_name", identityName(d, i));
            m.put("user_name", kind.equals("TT_USER") ? "@" + identityName(d, i) : null);
            m.put("profile_image", "https://p16-sign-sg.tiktokcdn.com/sim/" + d.id(Level.IDENTITY, i) + ".jpeg");
            m.put("available_status", "AVAILABLE");
            m.put("can_push_video", kind.equals("TT_USER"));
            m.put("can_pull_video", kind.equals("TT_USER"));
            m.put("can_use_live_ads", false);
            m.put("can_manage_message", false);
            all.add(m);
        }
        return page(call, "identity_list", all, paging);
    }

    static Object userInfo(Call call) {
        Dataset d = call.data();
        int user = call.token.user;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("core_user_id", d.id(Level.USER, user));
        m.put("display_name", d.userName(user));
        m.put("email", d.userEmail(user));
        m.put("avatar_url", "https://p16-sign-sg.tiktokcdn.com/sim/avatar-" + user + ".jpeg");
        m.put("create_time", d.anchorSec - 1000L * 86_400);
        return m;
    }
}
