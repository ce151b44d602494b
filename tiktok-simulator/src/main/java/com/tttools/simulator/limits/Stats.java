package com.tttools.simulator.limits;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Call counters for GET /_sim/stats. */
public final class Stats {

    private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perToken = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public void call(String path, String token) {
        total.increment();
        perPath.computeIfAbsent(path, k -> new LongAdder()).increment();
        if (token != null) {
            perToken.computeIfAbsent(token, k -> new LongAdder()).increment();
        }
    }

    public void answered(int code) {
        perCode.computeIfAbsent(Integer.toString(code), k -> new LongAdder()).increment();
    }

    public void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public void clear() {
        perPath.clear();
        perToken.clear();
        perCode.clear();
        faults.clear();
        total.reset();
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        out.put("total_calls", total.sum());
        out.put("calls_per_path", sums(perPath));
        out.put("calls_per_token", sums(perToken));
        out.put("answers_per_code", sums(perCode));
        Map<String, Long> limited = new TreeMap<>();
        limited.put("40100", perCode.getOrDefault("40100", new LongAdder()).sum());
        limited.put("40133", perCode.getOrDefault("40133", new LongAdder()).sum());
        out.put("rate_limited", limited);
        out.put("faults_injected", sums(faults));
        return out;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
