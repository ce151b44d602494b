package com.tttools.app.support;

import com.tttools.simulator.Behaviour;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.Scale;
import com.tttools.simulator.api.Sim;
import com.tttools.simulator.data.World;
import com.tttools.simulator.limits.Faults;
import com.tttools.simulator.limits.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Leaves the shared embedded simulator as the test found it: before each test (and each test class) it notes the
 * world's seed and scale, the entity writes made to it (statuses, budgets, names), consent behaviour, rate limits,
 * {@link Behaviour} knobs, faults (write faults included) and maintenance windows and the clock; afterwards, also
 * when the test failed midway, it puts back whatever changed and clears the write counters, so the next test counts
 * its own writes from zero. Registered on {@link IntegrationTest}, so every test of the shared context is covered.
 * Tokens, registered apps and call statistics are not restored (tests that read statistics clear them first).
 */
public final class SimulatorStateGuard implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorStateGuard.class);
    /** A clock that kept running but moved more than this against real time was advanced by the test. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(50);

    record Snapshot(long seed, Scale scale, World.Writes writes, Sim.Consent consent, RateLimiter.Limits limits,
                    Behaviour behaviour, List<Object> faults, Instant pinnedClock, Duration clockOffset) {

        static Snapshot of(Sim sim) {
            boolean pinned = sim.clock.isPinned();
            Instant now = sim.clock.instant();
            return new Snapshot(sim.seed(), sim.scale(), sim.world().writes(), sim.consent(), sim.limiter.limits(),
                    sim.world().behaviour(), List.copyOf(sim.faults().describe()), pinned ? now : null,
                    pinned ? null : Duration.between(Instant.now(), now));
        }

        void restore(Sim sim) {
            if (sim.seed() != seed || sim.scale() != scale) {
                sim.reset(seed, scale);
            }
            sim.world().restoreWrites(writes);
            sim.writes.clear();
            sim.consent(consent);
            sim.limiter.limits(limits);
            sim.world().behaviour(behaviour);
            if (!sim.faults().describe().equals(faults)) {
                sim.faults().clear();
                for (Object fault : faults) {
                    if (fault instanceof Faults.Rule rule) {
                        sim.faults().add(rule);
                    } else {
                        sim.faults().addMaintenance((Faults.Window) fault);
                    }
                }
            }
            restoreClock(sim);
        }

        private void restoreClock(Sim sim) {
            if (pinnedClock != null) {
                if (!sim.clock.isPinned() || !sim.clock.instant().equals(pinnedClock)) {
                    sim.clock.set(pinnedClock);
                }
                return;
            }
            Duration drift = Duration.between(Instant.now().plus(clockOffset), sim.clock.instant()).abs();
            if (sim.clock.isPinned() || drift.compareTo(CLOCK_TOLERANCE) > 0) {
                sim.clock.set(Instant.now().plus(clockOffset));
                sim.clock.release();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        save(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        save(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        restore(context);
    }

    private static void save(ExtensionContext context) {
        Sim sim = simulator(context);
        if (sim != null) {
            context.getStore(NAMESPACE).put(Snapshot.class, Snapshot.of(sim));
        }
    }

    private static void restore(ExtensionContext context) {
        Snapshot snapshot = context.getStore(NAMESPACE).get(Snapshot.class, Snapshot.class);
        Sim sim = simulator(context);
        if (snapshot != null && sim != null) {
            snapshot.restore(sim);
        }
    }

    private static Sim simulator(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        if (!spring.containsBean("tiktokSimulator")) {
            return null;
        }
        ServletRegistrationBean<?> registration = spring.getBean("tiktokSimulator", ServletRegistrationBean.class);
        return EmbeddedSimulator.control(cast(registration)).sim();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object registration) {
        return (T) registration;
    }
}
