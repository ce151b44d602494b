package com.tttools.simulator.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected faults. A rule matches calls whose API path contains {@code path} (all when null), optionally
 * only writes ({@code writes}), only writes naming one of {@code ids} and only calls carrying {@code accessToken}
 * (a test's own connection, while other clients keep calling the same simulator); it lets the first {@code after}
 * matching calls through, then fires with probability {@code rate} or for the {@code next} N matching calls.
 * Outcomes: an in-body error code, a gateway status with an HTML body, a malformed JSON body, and/or added
 * latency; with {@code afterApply} the write is carried out first and only its answer is replaced (a lost
 * response). Maintenance windows answer 60001 while the simulator clock is inside them.
 */
public final class Faults {

    public record Rule(String path, Integer code, String message, Integer httpStatus, double rate, AtomicInteger remaining,
                       long latencyMs, boolean malformed, boolean writes, Set<String> ids, AtomicInteger skip, boolean afterApply,
                       String accessToken) {

        /** A rule for any call (no write conditions), as before write faults existed. */
        public Rule(String path, Integer code, String message, Integer httpStatus, double rate, AtomicInteger remaining,
                    long latencyMs, boolean malformed) {
            this(path, code, message, httpStatus, rate, remaining, latencyMs, malformed, false, null, null, false, null);
        }

        public Rule {
            ids = ids == null ? null : Set.copyOf(ids);
        }

        boolean matches(Target target) {
            if (path != null && !target.path().contains(path)) {
                return false;
            }
            if (accessToken != null && !accessToken.equals(target.accessToken())) {
                return false;
            }
            if ((writes || ids != null) && !target.write()) {
                return false;
            }
            return ids == null || target.ids().stream().anyMatch(ids::contains);
        }
    }

    /**
     * The call a rule is matched against: its path, whether it is a write, the entity ids a write names, and the
     * access token it carries (null when none).
     */
    public record Target(String path, boolean write, List<String> ids, String accessToken) {
        public static Target of(String path) {
            return new Target(path, false, List.of(), null);
        }
    }

    public record Window(Instant from, Instant to) {
    }

    /** What to do with one call; all fields optional. */
    public record Decision(long latencyMs, Integer code, String message, Integer httpStatus, boolean malformed, boolean afterApply) {
        public Decision(long latencyMs, Integer code, String message, Integer httpStatus, boolean malformed) {
            this(latencyMs, code, message, httpStatus, malformed, false);
        }

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
        return decide(Target.of(apiPath), now);
    }

    public Decision decide(Target target, Instant now) {
        long latency = 0;
        for (Window w : maintenance) {
            if (!now.isBefore(w.from()) && now.isBefore(w.to())) {
                return new Decision(0, 60001, "The system is in maintenance.", null, false);
            }
        }
        for (Rule rule : rules) {
            if (!rule.matches(target) || skipped(rule) || !fires(rule)) {
                continue;
            }
            latency += rule.latencyMs();
            if (rule.code() != null || rule.httpStatus() != null || rule.malformed()) {
                return new Decision(latency, rule.code(), rule.message(), rule.httpStatus(), rule.malformed(), rule.afterApply());
            }
        }
        return new Decision(latency, null, null, null, false);
    }

    /** Counts down the calls a rule lets through before it starts firing. */
    private static boolean skipped(Rule rule) {
        return rule.skip() != null && rule.skip().getAndUpdate(n -> Math.max(0, n - 1)) > 0;
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
