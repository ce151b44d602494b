package com.tttools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.tttools.simulator.api.Sim;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.limits.Faults;
import com.tttools.simulator.limits.RateLimiter;
import com.tttools.simulator.oauth.Token;

/**
 * In-JVM handle on a running simulator: everything the /_sim/ control API does, callable from tests.
 */
public final class SimulatorControl {

    /**
     * A fault to inject; null fields are "not set". {@code writes} limits it to the write endpoints, {@code ids} to
     * writes naming one of these entity ids, {@code after} lets that many matching calls through first, and
     * {@code afterApply} carries the write out before answering with the fault, {@code accessToken} limits it to the
     * calls carrying that token.
     */
    public record Fault(String path, Integer code, String message, Integer httpStatus, Double rate, Integer next, Long latencyMs, Boolean malformed,
                        Boolean writes, List<String> ids, Integer after, Boolean afterApply, String accessToken) {

        public Fault(String path, Integer code, String message, Integer httpStatus, Double rate, Integer next, Long latencyMs, Boolean malformed) {
            this(path, code, message, httpStatus, rate, next, latencyMs, malformed, null, null, null, null, null);
        }

        public static Fault code(int code) {
            return new Fault(null, code, null, null, null, null, null, null);
        }

        public Fault onPath(String apiPath) {
            return new Fault(apiPath, code, message, httpStatus, rate, next, latencyMs, malformed, writes, ids, after, afterApply, accessToken);
        }

        public Fault forNext(int calls) {
            return new Fault(path, code, message, httpStatus, rate, calls, latencyMs, malformed, writes, ids, after, afterApply, accessToken);
        }

        public Fault atRate(double r) {
            return new Fault(path, code, message, httpStatus, r, next, latencyMs, malformed, writes, ids, after, afterApply, accessToken);
        }

        /** Only calls to the write endpoints. */
        public Fault onWrites() {
            return new Fault(path, code, message, httpStatus, rate, next, latencyMs, malformed, true, ids, after, afterApply, accessToken);
        }

        /** Only writes naming at least one of these ids. */
        public Fault onIds(List<String> entityIds) {
            return new Fault(path, code, message, httpStatus, rate, next, latencyMs, malformed, true, List.copyOf(entityIds), after, afterApply, accessToken);
        }

        /** Lets the first {@code calls} matching calls through: {@code after(2).forNext(1)} fails the third. */
        public Fault after(int calls) {
            return new Fault(path, code, message, httpStatus, rate, next, latencyMs, malformed, writes, ids, calls, afterApply, accessToken);
        }

        /** The write is applied and only its answer is the fault (a response lost after TikTok acted). */
        public Fault afterApplying() {
            return new Fault(path, code, message, httpStatus, rate, next, latencyMs, malformed, writes, ids, after, true, accessToken);
        }

        /** Only calls carrying this access token: one connection's calls, while other clients keep calling. */
        public Fault forToken(String token) {
            return new Fault(path, code, message, httpStatus, rate, next, latencyMs, malformed, writes, ids, after, afterApply, token);
        }
    }

    private final Sim sim;

    public SimulatorControl(Sim sim) {
        this.sim = sim;
    }

    /** Internal state, for the simulator's own web layer. */
    public Sim sim() {
        return sim;
    }

    public void reset(long seed, Scale scale) {
        sim.reset(seed, scale);
    }

    public Instant now() {
        return sim.clock.instant();
    }

    /** Pins the clock at this instant (it then moves only with {@link #advance}). */
    public void setNow(Instant now) {
        sim.clock.set(now);
    }

    public void advance(Duration by) {
        sim.clock.advance(by);
    }

    public void releaseClock() {
        sim.clock.release();
    }

    public void consent(boolean autoApprove, List<String> advertiserIds) {
        sim.consent(new Sim.Consent(autoApprove, advertiserIds == null ? null : List.copyOf(advertiserIds)));
    }

    public void addFault(Fault f) {
        boolean hasOutcome = f.code() != null || f.httpStatus() != null || Boolean.TRUE.equals(f.malformed()) || f.latencyMs() != null;
        if (!hasOutcome) {
            throw new IllegalArgumentException("a fault needs code, httpStatus, malformed or latencyMs");
        }
        if (f.rate() != null && (f.rate() < 0 || f.rate() > 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        if (f.after() != null && f.after() < 0 || f.next() != null && f.next() < 1) {
            throw new IllegalArgumentException("after must be 0 or more and next 1 or more");
        }
        if (Boolean.TRUE.equals(f.afterApply()) && f.code() == null && f.httpStatus() == null) {
            throw new IllegalArgumentException("afterApply needs code or httpStatus");
        }
        sim.faults().add(new Faults.Rule(f.path(), f.code(), f.message(), f.httpStatus(), f.rate() == null ? 1.0 : f.rate(),
                f.next() == null ? null : new AtomicInteger(f.next()), f.latencyMs() == null ? 0 : f.latencyMs(), Boolean.TRUE.equals(f.malformed()),
                Boolean.TRUE.equals(f.writes()), f.ids() == null ? null : new HashSet<>(f.ids()),
                f.after() == null ? null : new AtomicInteger(f.after()), Boolean.TRUE.equals(f.afterApply()), f.accessToken()));
    }

    public void addMaintenance(Instant from, Instant to) {
        sim.faults().addMaintenance(new Faults.Window(from, to));
    }

    public void clearFaults() {
        sim.faults().clear();
    }

    /** appQps null keeps each app's own tier; qpm/qpd null switch those quotas off. */
    public void limits(Integer appQps, int advertiserPathQps, Integer qpm, Integer qpd) {
        RateLimiter.Limits old = sim.limiter.limits();
        sim.limiter.limits(new RateLimiter.Limits(appQps, advertiserPathQps, qpm, qpd, old.cooldownSeconds()));
    }

    public void behaviour(Behaviour behaviour) {
        sim.world().behaviour(behaviour);
    }

    public Behaviour behaviour() {
        return sim.world().behaviour();
    }

    public void registerApp(SimApp app) {
        sim.auth.register(app);
    }

    public List<Map<String, Object>> tokens() {
        List<Map<String, Object>> out = sim.auth.describe(sim.world().now());
        for (Map<String, Object> t : out) {
            Token token = sim.auth.token((String) t.get("access_token"));
            List<String> ids = new ArrayList<>();
            Dataset d = sim.world().data;
            token.advertisers.forEach(a -> {
                if (a < d.advertisers()) {
                    ids.add(d.id(Level.ADVERTISER, a));
                }
            });
            t.put("advertiser_ids", ids);
        }
        return out;
    }

    /**
     * Shortcut for tests that do not exercise OAuth: an advertiser token of the given app granted these
     * advertisers (null = all), as if user 0 had authorized them.
     */
    public String issueAccessToken(String appId, List<String> advertiserIds) {
        SimApp app = sim.auth.app(appId);
        if (app == null) {
            throw new IllegalArgumentException("unknown app " + appId);
        }
        Dataset d = sim.world().data;
        List<Integer> grant = new ArrayList<>();
        if (advertiserIds == null) {
            for (int a = 0; a < d.advertisers(); a++) {
                grant.add(a);
            }
        } else {
            for (String id : advertiserIds) {
                int a = d.index(Level.ADVERTISER, id);
                if (a < 0) {
                    throw new IllegalArgumentException("unknown advertiser " + id);
                }
                grant.add(a);
            }
        }
        long now = sim.world().now();
        var code = sim.auth.newCode(Token.Kind.ADVERTISER, appId, 0, grant, "", now + 60);
        return sim.auth.issueAdvertiserToken(sim.auth.redeem(code.code(), Token.Kind.ADVERTISER, appId, now), app, now).accessToken;
    }

    public boolean revoke(String accessToken) {
        Token token = sim.auth.token(accessToken);
        if (token == null) {
            return false;
        }
        token.revoke();
        return true;
    }

    public Map<String, Object> stats() {
        Map<String, Object> out = sim.stats.snapshot();
        out.put("writes_per_path", sim.writes.perPath());
        return out;
    }

    /** Clears the call statistics and the write counters. */
    public void clearStats() {
        sim.stats.clear();
        sim.writes.clear();
    }

    /** Write counters per path, how often each entity was changed, and the recent write calls (GET /_sim/writes). */
    public Map<String, Object> writes() {
        return sim.writes.snapshot();
    }

    public void clearWrites() {
        sim.writes.clear();
    }

    /** Seed, scale, clock and sizes of the current world, plus a few advertiser ids to start from. */
    public Map<String, Object> info() {
        Dataset d = sim.world().data;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", sim.seed());
        m.put("scale", sim.scale().name().toLowerCase());
        m.put("now", now().toString());
        m.put("clock_pinned", sim.clock.isPinned());
        m.put("business_centers", d.businessCenters());
        m.put("advertisers", d.advertisers());
        m.put("campaigns", d.campaigns());
        m.put("adgroups", d.adgroups());
        m.put("ads", d.ads());
        List<String> sample = new ArrayList<>();
        for (int a = 0; a < Math.min(5, d.advertisers()); a++) {
            sample.add(d.id(Level.ADVERTISER, a));
        }
        m.put("first_advertiser_ids", sample);
        List<String> apps = new ArrayList<>();
        sim.auth.apps().forEach(a -> apps.add(a.appId()));
        m.put("apps", apps);
        return m;
    }

    /** All advertiser ids of the world, in generation order. */
    public List<String> advertiserIds() {
        Dataset d = sim.world().data;
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < d.advertisers(); a++) {
            ids.add(d.id(Level.ADVERTISER, a));
        }
        return ids;
    }
}
