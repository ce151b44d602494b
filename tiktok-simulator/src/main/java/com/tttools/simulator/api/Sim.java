package com.tttools.simulator.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.tttools.simulator.Behaviour;
import com.tttools.simulator.Scale;
import com.tttools.simulator.SimulatorSettings;
import com.tttools.simulator.core.SimClock;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.World;
import com.tttools.simulator.limits.Faults;
import com.tttools.simulator.limits.RateLimiter;
import com.tttools.simulator.limits.Stats;
import com.tttools.simulator.limits.WriteLog;
import com.tttools.simulator.oauth.AuthStore;
import com.tttools.simulator.report.ReportCache;
import com.tttools.simulator.report.ReportTasks;

/** All mutable state of one simulator instance. */
public final class Sim {

    /** Consent page behaviour: with auto-approval the page redirects at once granting these advertisers (null = all). */
    public record Consent(boolean autoApprove, List<String> advertiserIds) {
    }

    public final SimClock clock;
    public final AuthStore auth;
    public final RateLimiter limiter;
    public final Stats stats = new Stats();
    public final WriteLog writes = new WriteLog();
    public final ReportTasks tasks = new ReportTasks();
    public final ReportCache reports = new ReportCache();
    private volatile Faults faults;
    private volatile World world;
    private volatile Consent consent = new Consent(false, null);
    private volatile long seed;
    private volatile Scale scale;

    public Sim(SimulatorSettings settings) {
        this.clock = new SimClock(settings.now());
        this.auth = new AuthStore(settings.allApps());
        Behaviour b = settings.behaviour();
        this.limiter = new RateLimiter(new RateLimiter.Limits(null, b.advertiserPathQps(), b.qpm(), b.qpd(), b.qpmCooldown().toSeconds()));
        this.faults = new Faults(settings.seed());
        this.world = build(settings.seed(), settings.scale(), b);
    }

    private World build(long newSeed, Scale newScale, Behaviour behaviour) {
        this.seed = newSeed;
        this.scale = newScale;
        LocalDate anchor = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new World(new Dataset(newSeed, newScale, anchor), clock, behaviour);
    }

    public World world() {
        return world;
    }

    public Faults faults() {
        return faults;
    }

    public Consent consent() {
        return consent;
    }

    public void consent(Consent newConsent) {
        this.consent = newConsent;
    }

    public long seed() {
        return seed;
    }

    public Scale scale() {
        return scale;
    }

    /** Regenerates the world (tokens survive: their grants are advertiser positions in the new world). */
    public synchronized void reset(long newSeed, Scale newScale) {
        Behaviour behaviour = world.behaviour();
        world = build(newSeed, newScale, behaviour);
        tasks.clear();
        reports.clear();
        faults = new Faults(newSeed);
        stats.clear();
        writes.clear();
    }
}
