package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.simulator.SimulatorControl;
import com.tttools.simulator.SimulatorSettings;
import com.tttools.simulator.api.Sim;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.limits.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the guard puts back, on a simulator of its own (not the shared one). */
class SimulatorStateGuardTest {

    final Sim sim = new Sim(SimulatorSettings.defaults());
    final SimulatorControl control = new SimulatorControl(sim);

    @Test
    void consentLimitsBehaviourFaultsAndARunningClockAreRestored() {
        Sim.Consent consent = sim.consent();
        RateLimiter.Limits limits = sim.limiter.limits();
        var behaviour = sim.world().behaviour();
        Duration offset = Duration.between(Instant.now(), sim.clock.instant());
        SimulatorStateGuard.Snapshot snapshot = SimulatorStateGuard.Snapshot.of(sim);

        control.consent(true, List.of("1"));
        control.limits(1, 1, 5, 5);
        control.behaviour(behaviour.withRestatementDays(behaviour.restatementDays() + 3));
        control.addFault(SimulatorControl.Fault.code(50000).onPath("/campaign/get/"));
        control.addMaintenance(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        control.setNow(Instant.parse("2020-01-01T00:00:00Z"));
        snapshot.restore(sim);

        assertThat(sim.consent()).isEqualTo(consent);
        assertThat(sim.limiter.limits()).isEqualTo(limits);
        assertThat(sim.world().behaviour()).isEqualTo(behaviour);
        assertThat(sim.faults().describe()).isEmpty();
        assertThat(sim.clock.isPinned()).isFalse();
        assertThat(Duration.between(Instant.now().plus(offset), sim.clock.instant()).abs())
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void entityWritesAreUndoneAndWriteCountersCleared() {
        var world = sim.world();
        var data = world.data;
        long now = world.now();
        int campaign = 0;
        while (world.deleted(Level.CAMPAIGN, campaign, now)) {
            campaign++;
        }
        String before = world.ownStatus(Level.CAMPAIGN, campaign, now);
        double budget = world.budget(Level.ADGROUP, 0, now);
        SimulatorStateGuard.Snapshot snapshot = SimulatorStateGuard.Snapshot.of(sim);

        world.setStatus(Level.CAMPAIGN, campaign, before.equals("DISABLE") ? "ENABLE" : "DISABLE");
        world.setBudget(Level.ADGROUP, 0, budget + 50);
        sim.writes.record(Instant.now(), "/campaign/status/update/", null, List.of(data.id(Level.CAMPAIGN, campaign)),
                List.of(data.id(Level.CAMPAIGN, campaign)), "0");
        control.addFault(SimulatorControl.Fault.code(50000).onWrites().after(1));
        snapshot.restore(sim);

        long later = sim.world().now();
        assertThat(sim.world().ownStatus(Level.CAMPAIGN, campaign, later)).isEqualTo(before);
        assertThat(sim.world().budget(Level.ADGROUP, 0, later)).isEqualTo(budget);
        assertThat(sim.writes.isEmpty()).isTrue();
        assertThat(sim.faults().describe()).isEmpty();
    }

    @Test
    void aPinnedClockAndTheFaultsThatWereThereStayAsTheyWere() {
        Instant pinned = Instant.parse("2026-03-18T10:30:00Z");
        control.setNow(pinned);
        control.addFault(SimulatorControl.Fault.code(40002).onPath("/report/integrated/get/"));
        List<Object> faults = List.copyOf(sim.faults().describe());
        SimulatorStateGuard.Snapshot snapshot = SimulatorStateGuard.Snapshot.of(sim);

        control.advance(Duration.ofDays(3));
        control.clearFaults();
        snapshot.restore(sim);

        assertThat(sim.clock.isPinned()).isTrue();
        assertThat(sim.clock.instant()).isEqualTo(pinned);
        assertThat(sim.faults().describe()).isEqualTo(faults);
    }
}
