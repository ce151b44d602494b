package com.tttools.simulator.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Paging;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Hash;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.Market;
import com.tttools.simulator.data.World;

/**
 * campaign/adgroup/ad listing and the bulk-operation writes. A write validates every id of the call before it
 * changes anything: one bad id fails the whole call with 40002 (nothing applied), except ad group status updates
 * with allow_partial_success, which apply the good ids and list the others in error_list.
 */
final class EntityEndpoints {

    private static final Set<String> OPERATIONS = Set.of(World.ENABLE, World.DISABLE, World.DELETE);

    private EntityEndpoints() {
    }

    static Object campaigns(Call call) {
        return list(call, Level.CAMPAIGN);
    }

    static Object adgroups(Call call) {
        return list(call, Level.ADGROUP);
    }

    static Object ads(Call call) {
        return list(call, Level.AD);
    }

    private static Object list(Call call, Level level) {
        int adv = call.advertiserParam();
        List<String> fields = call.params.stringList("fields");
        List<String> exclude = call.params.stringList("exclude_field_types_in_response");
        boolean dropNulls = exclude != null && exclude.contains("NULL_FIELD");
        Paging paging = call.paging(10, 1000);
        EntityFilter filter = new EntityFilter(call.world, level, call.params.object("filtering"), call.now);
        Dataset d = call.data();
        List<Integer> matching = new ArrayList<>();
        for (int c = d.advCampStart[adv]; c < d.advCampStart[adv + 1]; c++) {
            if (level == Level.CAMPAIGN) {
                if (filter.matches(c)) {
                    matching.add(c);
                }
                continue;
            }
            for (int g = d.campAgStart[c]; g < d.campAgStart[c + 1]; g++) {
                if (level == Level.ADGROUP) {
                    if (filter.matches(g)) {
                        matching.add(g);
                    }
                    continue;
                }
                for (int a = d.agAdStart[g]; a < d.agAdStart[g + 1]; a++) {
                    if (filter.matches(a)) {
                        matching.add(a);
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int idx : paging.slice(matching)) {
            Map<String, Object> full = switch (level) {
                case CAMPAIGN -> EntityViews.campaign(call.world, idx, call.now);
                case ADGROUP -> EntityViews.adgroup(call.world, idx, call.now);
                default -> EntityViews.ad(call.world, idx, call.now);
            };
            if (call.world.behaviour().sandbox()) {
                full.remove("secondary_status");
            }
            if (level == Level.AD && Hash.u(call.data().seed, 64, idx, 0) < call.world.behaviour().smartPlusShareWithoutModifyTime()) {
                full.remove("modify_time");
            }
            rows.add(EntityViews.project(full, fields, dropNulls));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", rows);
        data.put("page_info", call.pageInfo(paging, matching.size()));
        return data;
    }

    // ---- writes ------------------------------------------------------------------------------------

    private static String operation(Call call) {
        String op = call.params.required("operation_status");
        if (!OPERATIONS.contains(op)) {
            throw ApiException.invalid("operation_status: Must be one of: ENABLE, DISABLE, DELETE.");
        }
        return op;
    }

    private static List<String> ids(Call call, String name) {
        List<String> ids = call.params.stringList(name);
        int max = call.world.behaviour().maxIdsPerWrite();
        if (ids == null || ids.isEmpty() || ids.size() > max) {
            throw ApiException.invalid(name + ": Length must be between 1 and " + max + ".");
        }
        return ids;
    }

    /** Index of an id of the advertiser, or -1 when it is not theirs. */
    private static int owned(Call call, Level level, String id, int adv) {
        int idx = call.data().index(level, id);
        return idx >= 0 && call.data().advertiserOf(level, idx) == adv && call.world.exists(level, idx, call.now) ? idx : -1;
    }

    private static String label(Level level) {
        return level == Level.ADGROUP ? "ad group" : level.name().toLowerCase();
    }

    /** Why an entity cannot be changed, or null when it can: unknown, another advertiser's, deleted, or under a deleted parent. */
    private static String refusal(Call call, Level level, int idx, String id) {
        if (idx < 0) {
            return "The " + label(level) + " " + id + " does not exist or does not belong to this advertiser.";
        }
        if (World.DELETE.equals(call.world.ownStatus(level, idx, call.now))) {
            return "The " + label(level) + " " + id + " has been deleted.";
        }
        if (call.world.deleted(level, idx, call.now)) {
            Level parent = level == Level.AD && !call.world.deleted(Level.CAMPAIGN, call.data().agCamp[call.data().adAg[idx]], call.now)
                    ? Level.ADGROUP : Level.CAMPAIGN;
            return "The " + label(level) + " " + id + " belongs to a deleted " + label(parent) + ".";
        }
        return null;
    }

    /**
     * Budgets a write may set: at least 50 (campaign) or 20 (ad group) budget units of the advertiser's currency,
     * whole numbers in currencies without cents. Null when the value is acceptable.
     */
    static String budgetRefusal(Call call, Level level, int idx, String id, String field, double value) {
        Market market = call.data().market(call.data().advertiserOf(level, idx));
        double minimum = market.minimumBudget(level);
        if (value < minimum) {
            return field + ": The budget of " + label(level) + " " + id + " must be at least " + money(minimum, market) + " " + market.currency() + ".";
        }
        if (market.digits() == 0 && value != Math.rint(value)) {
            return field + ": " + market.currency() + " budgets must be whole numbers.";
        }
        return null;
    }

    private static String money(double value, Market market) {
        return String.format(java.util.Locale.ROOT, "%." + market.digits() + "f", value);
    }

    static Object campaignStatus(Call call) {
        int adv = call.advertiserParam();
        String op = operation(call);
        List<String> ids = ids(call, "campaign_ids");
        List<Integer> idx = new ArrayList<>();
        for (String id : ids) {
            int c = owned(call, Level.CAMPAIGN, id, adv);
            String why = refusal(call, Level.CAMPAIGN, c, id);
            if (why != null) {
                throw ApiException.invalid(why);
            }
            idx.add(c);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < idx.size(); i++) {
            call.world.setStatus(Level.CAMPAIGN, idx.get(i), op);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaign_id", ids.get(i));
            m.put("status", op);
            list.add(m);
        }
        call.applied(ids);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaign_ids", ids);
        data.put("status", op);
        data.put("campaign_list", list);
        return data;
    }

    static Object adgroupStatus(Call call) {
        int adv = call.advertiserParam();
        String op = operation(call);
        List<String> ids = ids(call, "adgroup_ids");
        boolean partial = call.params.bool("allow_partial_success", false);
        List<String> done = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        for (String id : ids) {
            int g = owned(call, Level.ADGROUP, id, adv);
            String why = refusal(call, Level.ADGROUP, g, id);
            if (why == null) {
                accepted.add(g);
                done.add(id);
            } else if (partial) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("adgroup_id", id);
                e.put("error_message", why);
                errors.add(e);
            } else {
                throw ApiException.invalid(why);
            }
        }
        accepted.forEach(g -> call.world.setStatus(Level.ADGROUP, g, op));
        call.applied(done);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("adgroup_ids", done);
        data.put("status", op);
        if (partial) {
            data.put("error_list", errors);
        }
        return data;
    }

    static Object adStatus(Call call) {
        int adv = call.advertiserParam();
        String op = operation(call);
        if (call.params.has("aco_ad_ids")) {
            throw ApiException.invalid("aco_ad_ids: the simulator has no ACO ads; use ad_ids.");
        }
        List<String> ids = ids(call, "ad_ids");
        List<Integer> idx = new ArrayList<>();
        for (String id : ids) {
            int a = owned(call, Level.AD, id, adv);
            String why = refusal(call, Level.AD, a, id);
            if (why != null) {
                throw ApiException.invalid(why);
            }
            idx.add(a);
        }
        idx.forEach(a -> call.world.setStatus(Level.AD, a, op));
        call.applied(ids);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ad_ids", ids);
        data.put("aco_ad_ids", List.of());
        data.put("status", op);
        return data;
    }

    static Object campaignUpdate(Call call) {
        int c = update(call, Level.CAMPAIGN, "campaign_id", "campaign_name");
        return EntityViews.campaign(call.world, c, call.now);
    }

    /** adgroup/update with the fields a change set touches: budget and adgroup_name; answers the ad group. */
    static Object adgroupUpdate(Call call) {
        int g = update(call, Level.ADGROUP, "adgroup_id", "adgroup_name");
        return EntityViews.adgroup(call.world, g, call.now);
    }

    /** campaign/update and adgroup/update: validates budget and name, then applies both; returns the entity index. */
    private static int update(Call call, Level level, String idField, String nameField) {
        int adv = call.advertiserParam();
        String id = call.params.required(idField);
        int idx = owned(call, level, id, adv);
        String why = refusal(call, level, idx, id);
        if (why != null) {
            throw ApiException.invalid(why);
        }
        Double budget = call.params.number("budget");
        String name = call.params.str(nameField);
        if (budget != null) {
            if (call.data().budgetMode(level, idx).equals("BUDGET_MODE_INFINITE")) {
                throw ApiException.invalid("budget: Campaigns with BUDGET_MODE_INFINITE have no budget to update.");
            }
            String refused = budgetRefusal(call, level, idx, id, "budget", budget);
            if (refused != null) {
                throw ApiException.invalid(refused);
            }
        }
        if (name != null && (name.isBlank() || name.length() > 512)) {
            throw ApiException.invalid(nameField + ": Length must be between 1 and 512.");
        }
        if (budget != null) {
            call.world.setBudget(level, idx, budget);
        }
        if (name != null) {
            call.world.setName(level, idx, name);
        }
        if (budget == null && name == null) {
            call.world.touch(level, idx);
        }
        call.applied(List.of(id));
        return idx;
    }

    @SuppressWarnings("unchecked")
    static Object adgroupBudget(Call call) {
        int adv = call.advertiserParam();
        List<?> budgets = call.params.list("budget");
        List<?> scheduled = call.params.list("schedule_budget");
        int count = (budgets == null ? 0 : budgets.size()) + (scheduled == null ? 0 : scheduled.size());
        int max = call.world.behaviour().maxIdsPerWrite();
        if (count == 0 || count > max) {
            throw ApiException.invalid("budget: Length must be between 1 and " + max + ".");
        }
        List<Object[]> changes = new ArrayList<>();
        collect(call, adv, budgets, "budget", false, changes);
        collect(call, adv, scheduled, "schedule_budget", true, changes);
        List<String> applied = new ArrayList<>();
        for (Object[] change : changes) {
            int g = (Integer) change[0];
            double value = (Double) change[1];
            boolean nextDay = (Boolean) change[2];
            if (nextDay) {
                ScheduledBudgets.apply(call, g, value);
            } else {
                call.world.setBudget(Level.ADGROUP, g, value);
            }
            applied.add(call.data().id(Level.ADGROUP, g));
        }
        call.applied(applied);
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Call call, int adv, List<?> items, String key, boolean nextDay, List<Object[]> out) {
        if (items == null) {
            return;
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m) || m.get("adgroup_id") == null || !(m.get(key) instanceof Number n)) {
                throw ApiException.invalid(key + ": Each item needs adgroup_id and a numeric " + key + ".");
            }
            String id = m.get("adgroup_id").toString();
            int g = owned(call, Level.ADGROUP, id, adv);
            String why = refusal(call, Level.ADGROUP, g, id);
            if (why != null) {
                throw ApiException.invalid(why);
            }
            String refused = budgetRefusal(call, Level.ADGROUP, g, id, key, n.doubleValue());
            if (refused != null) {
                throw ApiException.invalid(refused);
            }
            out.add(new Object[]{g, n.doubleValue(), nextDay});
        }
    }

    /** schedule_budget takes effect at the next midnight of the advertiser's timezone. */
    static final class ScheduledBudgets {
        private ScheduledBudgets() {
        }

        static void apply(Call call, int adgroup, double value) {
            ZoneId zone = call.data().zone(call.data().advertiserOf(Level.ADGROUP, adgroup));
            LocalDate today = LocalDate.ofInstant(call.world.clock().instant(), zone);
            long at = today.plusDays(1).atStartOfDay(zone).toEpochSecond();
            call.world.setBudgetAt(Level.ADGROUP, adgroup, value, at);
        }
    }
}
