package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimulatorControl;
import com.tttools.simulator.api.Sim;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The guard is wired into every integration test: what the first test leaves in the shared simulator is gone when
 * the second one starts. (That it also runs after a failing test is JUnit's contract for after-each callbacks.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorStateGuardWiringIT extends IntegrationTest {

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> registration;

    static Sim.Consent consentBefore;
    static boolean clockPinnedBefore;
    static String campaignStatusBefore;
    static int campaign;

    @Test
    @Order(1)
    void aTestChangesTheSharedSimulatorAndLeavesItSo() {
        SimulatorControl control = EmbeddedSimulator.control(registration);
        consentBefore = control.sim().consent();
        clockPinnedBefore = control.sim().clock.isPinned();
        control.consent(!consentBefore.autoApprove(), List.of("1"));
        control.addFault(SimulatorControl.Fault.code(50000).onPath("/campaign/get/"));
        World world = control.sim().world();
        while (world.deleted(Level.CAMPAIGN, campaign, world.now())) {
            campaign++;
        }
        campaignStatusBefore = world.ownStatus(Level.CAMPAIGN, campaign, world.now());
        world.setStatus(Level.CAMPAIGN, campaign, campaignStatusBefore.equals("DISABLE") ? "ENABLE" : "DISABLE");
        control.sim().writes.record(Instant.now(), "/campaign/status/update/", null, List.of("1"), List.of("1"), "0");
        control.addFault(SimulatorControl.Fault.code(40100).onWrites());
        control.setNow(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    @Order(2)
    void theNextTestFindsItAsItWas() {
        Sim sim = EmbeddedSimulator.control(registration).sim();
        assertThat(consentBefore).as("runs after the first test").isNotNull();
        assertThat(sim.consent()).isEqualTo(consentBefore);
        assertThat(sim.faults().describe()).isEmpty();
        assertThat(sim.clock.isPinned()).isEqualTo(clockPinnedBefore);
        assertThat(sim.clock.instant()).isAfter(Instant.parse("2020-01-02T00:00:00Z"));
        assertThat(sim.world().ownStatus(Level.CAMPAIGN, campaign, sim.world().now())).isEqualTo(campaignStatusBefore);
        assertThat(sim.writes.isEmpty()).isTrue();
    }
}
