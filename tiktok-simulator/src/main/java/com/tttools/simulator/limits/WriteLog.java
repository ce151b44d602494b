package com.tttools.simulator.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the write endpoints were asked and what they changed, for GET /_sim/writes: per path the requests and the
 * ids they named (so tests can assert chunking), how often each entity was actually changed (so tests can assert
 * that nothing was applied twice), and the last {@value #LOG_SIZE} write calls with their answers.
 */
public final class WriteLog {

    static final int LOG_SIZE = 10_000;
    private static final List<String> ID_LISTS = List.of("campaign_ids", "adgroup_ids", "ad_ids", "aco_ad_ids");
    private static final List<String> ID_FIELDS = List.of("campaign_id", "adgroup_id");
    private static final List<String> ITEM_LISTS = List.of("budget", "schedule_budget");

    /** One write call: when, where, the ids it named, its body, the ids it changed, and its answer ("0", "40002", "http_502"). */
    public record Entry(String at, String path, String advertiserId, List<String> ids, Map<String, Object> request,
                        List<String> applied, String answer) {

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", at);
            m.put("path", path);
            m.put("advertiser_id", advertiserId);
            m.put("ids", ids);
            m.put("request", request);
            m.put("applied", applied);
            m.put("answer", answer);
            return m;
        }
    }

    private static final class PathCounts {
        long requests;
        long ids;
        long maxIds;
        long appliedRequests;
        long appliedIds;

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", requests);
            m.put("ids", ids);
            m.put("max_ids_per_request", maxIds);
            m.put("applied_requests", appliedRequests);
            m.put("applied_ids", appliedIds);
            return m;
        }
    }

    private final Map<String, PathCounts> perPath = new TreeMap<>();
    private final Map<String, Long> appliedPerId = new TreeMap<>();
    private final List<Entry> log = new ArrayList<>();

    /** The entity ids a write body names, in order: id lists, single ids, and the ad group ids of budget items. */
    public static List<String> idsOf(Map<String, Object> body) {
        List<String> ids = new ArrayList<>();
        if (body == null) {
            return ids;
        }
        for (String name : ID_LISTS) {
            if (body.get(name) instanceof List<?> list) {
                list.forEach(id -> ids.add(String.valueOf(id)));
            }
        }
        for (String name : ID_FIELDS) {
            if (body.get(name) != null && !(body.get(name) instanceof List<?>) && !(body.get(name) instanceof Map<?, ?>)) {
                ids.add(body.get(name).toString());
            }
        }
        for (String name : ITEM_LISTS) {
            if (body.get(name) instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.get("adgroup_id") != null) {
                        ids.add(m.get("adgroup_id").toString());
                    }
                }
            }
        }
        return ids;
    }

    public synchronized void record(Instant at, String path, Map<String, Object> body, List<String> ids, List<String> applied, String answer) {
        PathCounts counts = perPath.computeIfAbsent(path, k -> new PathCounts());
        counts.requests++;
        counts.ids += ids.size();
        counts.maxIds = Math.max(counts.maxIds, ids.size());
        if (!applied.isEmpty()) {
            counts.appliedRequests++;
            counts.appliedIds += applied.size();
        }
        applied.forEach(id -> appliedPerId.merge(id, 1L, Long::sum));
        if (log.size() == LOG_SIZE) {
            log.remove(0);
        }
        Object advertiser = body == null ? null : body.get("advertiser_id");
        log.add(new Entry(at.toString(), path, advertiser == null ? null : advertiser.toString(), List.copyOf(ids),
                body == null ? Map.of() : new LinkedHashMap<>(body), List.copyOf(applied), answer));
    }

    /** Per path: requests, ids, max_ids_per_request, applied_requests, applied_ids. */
    public synchronized Map<String, Object> perPath() {
        Map<String, Object> out = new TreeMap<>();
        perPath.forEach((path, counts) -> out.put(path, counts.view()));
        return out;
    }

    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("per_path", perPath());
        out.put("applied_per_id", new TreeMap<>(appliedPerId));
        out.put("log", log.stream().map(Entry::view).toList());
        return out;
    }

    public synchronized boolean isEmpty() {
        return perPath.isEmpty();
    }

    public synchronized void clear() {
        perPath.clear();
        appliedPerId.clear();
        log.clear();
    }
}
