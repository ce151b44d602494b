package com.tttools.simulator.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected faults. A rule matches calls whose API path contains {@code path} (all when null) and fires
 * with probability {@code rate} or for the {@code next} N matching calls. Outcomes: an in-body error
 * code, a gateway status with an HTML body, a malformed JSON body, and/or added latency.
 * Maintenance windows answer 60001 while the simulator clock is inside them.
 */
public final class Faults {

    public record Rule(String path, Integer code, String message, Integer httpStatus, double rate, AtomicInteger remaining,
                       long latencyMs, boolean malformed) {
        boolean matches(String apiPath) {
            return path == null || apiPath.contains(path);
        }
    }

    public record Window(Instant from, Instant to) {
    }

    /** What to do with one call; all fields optional. */
    public record Decision(long latencyMs, Integer code, String message, Integer httpStatus, boolean malformed) {
        public boolean none() {
            return code == null && httpStatus == null && !malformed;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Window> maintenance = new CopyOnWriteArrayList<>();
    private final Random random;

    public Faults(long seed) {
        this.random = new Random(seed);
    }

    public void add(Rule rule) {
        rules.add(rule);
    }

    public void addMaintenance(Window window) {
        maintenance.add(window);
    }

    public void clear() {
        rules.clear();
        maintenance.clear();
    }

    public List<Object> describe() {
        List<Object> out = new ArrayList<>();
        out.addAll(rules);
        out.addAll(maintenance);
        return out;
    }

    public Decision decide(String apiPath, Instant now) {
        long latency = 0;
        for (Window w : maintenance) {
            if (!now.isBefore(w.from()) && now.isBefore(w.to())) {
                return new Decision(0, 60001, "The system is in maintenance.", null, false);
            }
        }
        for (Rule rule : rules) {
            if (!rule.matches(apiPath) || !fires(rule)) {
                continue;
            }
            latency += rule.latencyMs();
            if (rule.code() != null || rule.httpStatus() != null || rule.malformed()) {
                return new Decision(latency, rule.code(), rule.message(), rule.httpStatus(), rule.malformed());
            }
        }
        return new Decision(latency, null, null, null, false);
    }

    private boolean fires(Rule rule) {
        if (rule.remaining() != null) {
            int left = rule.remaining().getAndDecrement();
            if (left <= 0) {
                rules.remove(rule);
                return false;
            }
            if (left == 1) {
                rules.remove(rule);
            }
            return true;
        }
        synchronized (random) {
            return rule.rate() >= 1.0 || random.nextDouble() < rule.rate();
        }
    }
}
