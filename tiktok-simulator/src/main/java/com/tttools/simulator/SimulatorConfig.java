package com.tttools.simulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.tttools.simulator.web.SimulatorController;

/** Beans of the simulator's own (child) context; the control object is registered before refresh. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfig {

    @Bean
    SimulatorController simulatorController(SimulatorControl control) {
        return new SimulatorController(control);
    }
}
