package com.tttools.simulator.limits;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call counters for GET /_sim/stats. {@code calls_per_second_per_token} counts each access token's calls by the
 * wall-clock second they arrived in (epoch seconds, the last hour kept): the rate a client kept, as TikTok saw it,
 * e.g. several app nodes sharing one quota. {@code calls_per_token_per_path}, {@code calls_per_path_without_token} and
 * {@code refreshes_per_refresh_token} let a test count its own token's calls while other clients of the same
 * simulator keep calling.
 */
public final class Stats {

    private static final long KEEP_SECONDS = 3600;

    private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perToken = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> perTokenPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perPathWithoutToken = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perRefreshToken = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, LongAdder>> perTokenSecond = new ConcurrentHashMap<>();
    private final AtomicLong lastPruned = new AtomicLong();
    private final LongAdder total = new LongAdder();
    private final Clock clock;

    public Stats() {
        this(Clock.systemUTC());
    }

    Stats(Clock clock) {
        this.clock = clock;
    }

    public void call(String path, String token) {
        total.increment();
        perPath.computeIfAbsent(path, k -> new LongAdder()).increment();
        if (token != null) {
            perToken.computeIfAbsent(token, k -> new LongAdder()).increment();
            perTokenPath.computeIfAbsent(token, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(path, k -> new LongAdder()).increment();
            long second = clock.millis() / 1000;
            perTokenSecond.compute(token, (k, seconds) -> {
                ConcurrentSkipListMap<Long, LongAdder> counts = seconds == null ? new ConcurrentSkipListMap<>() : seconds;
                counts.computeIfAbsent(second, s -> new LongAdder()).increment();
                return counts;
            });
            long pruned = lastPruned.get();
            if (second > pruned && lastPruned.compareAndSet(pruned, second)) {
                // once a second: seconds older than an hour go, and with them tokens idle that long
                perTokenSecond.keySet().forEach(t -> perTokenSecond.computeIfPresent(t, (k, counts) -> {
                    counts.headMap(second - KEEP_SECONDS).clear();
                    return counts.isEmpty() ? null : counts;
                }));
            }
        } else {
            perPathWithoutToken.computeIfAbsent(path, k -> new LongAdder()).increment();
        }
    }

    /** A tt_user refresh call carrying this refresh token (in its body, not as Access-Token), refused or not. */
    public void refresh(String refreshToken) {
        if (refreshToken != null) {
            perRefreshToken.computeIfAbsent(refreshToken, k -> new LongAdder()).increment();
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
        perTokenPath.clear();
        perPathWithoutToken.clear();
        perRefreshToken.clear();
        perCode.clear();
        faults.clear();
        perTokenSecond.clear();
        total.reset();
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        out.put("total_calls", total.sum());
        out.put("calls_per_path", sums(perPath));
        out.put("calls_per_token", sums(perToken));
        Map<String, Map<String, Long>> tokenPaths = new TreeMap<>();
        perTokenPath.forEach((token, paths) -> tokenPaths.put(token, sums(paths)));
        out.put("calls_per_token_per_path", tokenPaths);
        out.put("calls_per_path_without_token", sums(perPathWithoutToken));
        out.put("refreshes_per_refresh_token", sums(perRefreshToken));
        out.put("answers_per_code", sums(perCode));
        Map<String, Long> limited = new TreeMap<>();
        limited.put("40100", perCode.getOrDefault("40100", new LongAdder()).sum());
        limited.put("40133", perCode.getOrDefault("40133", new LongAdder()).sum());
        out.put("rate_limited", limited);
        out.put("faults_injected", sums(faults));
        Map<String, Map<String, Long>> perSecond = new TreeMap<>();
        perTokenSecond.forEach((token, seconds) -> {
            Map<String, Long> counts = new TreeMap<>();
            seconds.forEach((second, calls) -> counts.put(Long.toString(second), calls.sum()));
            perSecond.put(token, counts);
        });
        out.put("calls_per_second_per_token", perSecond);
        return out;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
