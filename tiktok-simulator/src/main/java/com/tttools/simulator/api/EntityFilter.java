package com.tttools.simulator.api;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Times;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;

/** The `filtering` object of campaign/get, adgroup/get and ad/get, with TikTok's defaults. */
final class EntityFilter {

    private final World world;
    private final Level level;
    private final long now;
    private Set<Integer> campaignIds;
    private Set<Integer> adgroupIds;
    private Set<Integer> adIds;
    private String name;
    private String primaryStatus;
    private String secondaryStatus;
    private Set<String> buyingTypes;
    private Set<String> objectives;
    private Long createdFrom;
    private Long createdTo;
    private Long modifiedAfter;
    private boolean platformOrigin = true;

    EntityFilter(World world, Level level, Map<String, Object> filtering, long now) {
        this.world = world;
        this.level = level;
        this.now = now;
        Map<String, Object> f = filtering == null ? Map.of() : filtering;
        campaignIds = ids(f, "campaign_ids", Level.CAMPAIGN);
        if (level != Level.CAMPAIGN) {
            adgroupIds = ids(f, "adgroup_ids", Level.ADGROUP);
        }
        if (level == Level.AD) {
            adIds = ids(f, "ad_ids", Level.AD);
            modifiedAfter = time(f, "modified_after");
        }
        String nameKey = switch (level) {
            case CAMPAIGN -> "campaign_name";
            case ADGROUP -> "adgroup_name";
            default -> "ad_name";
        };
        name = f.get(nameKey) == null ? null : f.get(nameKey).toString().toLowerCase(Locale.ROOT);
        secondaryStatus = f.get("secondary_status") == null ? null : f.get("secondary_status").toString();
        primaryStatus = f.get("primary_status") != null ? f.get("primary_status").toString()
                : secondaryStatus != null ? "STATUS_ALL" : "STATUS_NOT_DELETE";
        List<String> buying = strings(f, "buying_types");
        if (buying == null) {
            buying = world.behaviour().defaultBuyingTypes();
        } else if (buying.contains("RESERVATION_TOP_VIEW") && buying.size() > 1) {
            throw ApiException.invalid("filtering.buying_types: RESERVATION_TOP_VIEW cannot be used with other buying types.");
        }
        buyingTypes = new HashSet<>(buying);
        List<String> objective = strings(f, "objective_type") != null ? strings(f, "objective_type") : null;
        if (objective == null && f.get("objective_type") instanceof String s) {
            objective = List.of(s);
        }
        objectives = objective == null ? null : new HashSet<>(objective);
        // every simulated campaign comes from the ads platform (none from Promote)
        List<String> origins = strings(f, "campaign_system_origins");
        platformOrigin = origins == null || origins.contains("TT_ADS_PLATFORM");
        createdFrom = time(f, "creation_filter_start_time");
        createdTo = time(f, "creation_filter_end_time");
    }

    private static List<String> strings(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        if (v instanceof String s && key.endsWith("s")) {
            return List.of(s);
        }
        return null;
    }

    private Set<Integer> ids(Map<String, Object> f, String key, Level idLevel) {
        List<String> values = strings(f, key);
        if (values == null) {
            return null;
        }
        if (values.isEmpty() || values.size() > 100) {
            throw ApiException.invalid("filtering." + key + ": Length must be between 1 and 100.");
        }
        Set<Integer> out = new HashSet<>();
        for (String v : values) {
            int idx = world.data.index(idLevel, v);
            if (idx >= 0) {
                out.add(idx);
            }
        }
        return out;
    }

    private static Long time(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v == null ? null : Times.parseUtc("filtering." + key, v.toString());
    }

    boolean matches(int idx) {
        Dataset d = world.data;
        int campaign = switch (level) {
            case CAMPAIGN -> idx;
            case ADGROUP -> d.agCamp[idx];
            default -> d.agCamp[d.adAg[idx]];
        };
        if (!platformOrigin || !world.exists(level, idx, now)) {
            return false;
        }
        if (campaignIds != null && !campaignIds.contains(campaign)) {
            return false;
        }
        if (adgroupIds != null && !adgroupIds.contains(level == Level.ADGROUP ? idx : d.adAg[idx])) {
            return false;
        }
        if (adIds != null && !adIds.contains(idx)) {
            return false;
        }
        if (!buyingTypes.contains(d.buyingType(campaign))) {
            return false;
        }
        if (objectives != null && !objectives.contains(d.objective(campaign))) {
            return false;
        }
        long created = d.created(level, idx);
        if ((createdFrom != null && created < createdFrom) || (createdTo != null && created > createdTo)) {
            return false;
        }
        if (modifiedAfter != null && world.modifyTime(level, idx, now) <= modifiedAfter) {
            return false;
        }
        if (name != null && !world.name(level, idx).toLowerCase(Locale.ROOT).contains(name)) {
            return false;
        }
        return statusMatches(idx);
    }

    private boolean statusMatches(int idx) {
        boolean deleted = world.deleted(level, idx, now);
        String secondary = null;
        if (secondaryStatus != null && !secondaryStatus.endsWith("_STATUS_ALL")) {
            if (secondaryStatus.endsWith("_STATUS_NOT_DELETE")) {
                if (deleted) {
                    return false;
                }
            } else {
                secondary = world.secondaryStatus(level, idx, now);
                if (!secondary.equals(secondaryStatus)) {
                    return false;
                }
            }
        }
        return switch (primaryStatus) {
            case "STATUS_ALL" -> true;
            case "STATUS_NOT_DELETE" -> !deleted;
            case "STATUS_DELETE" -> deleted;
            case "STATUS_DELIVERY_OK" -> {
                String s = secondary != null ? secondary : world.secondaryStatus(level, idx, now);
                yield s.endsWith("_DELIVERY_OK") || s.equals("CAMPAIGN_STATUS_ENABLE");
            }
            case "STATUS_DISABLE" -> !deleted && (secondary != null ? secondary : world.secondaryStatus(level, idx, now)).contains("DISABLE");
            case "STATUS_TIME_DONE", "STATUS_NOT_DELIVERY" -> !deleted && (secondary != null ? secondary : world.secondaryStatus(level, idx, now)).endsWith("TIME_DONE");
            default -> throw ApiException.invalid("filtering.primary_status: Invalid value " + primaryStatus + ".");
        };
    }
}
