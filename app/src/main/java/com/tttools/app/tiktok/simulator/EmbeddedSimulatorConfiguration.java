package com.tttools.app.tiktok.simulator;

import com.tttools.app.platform.security.SecurityHeaders;
import com.tttools.app.tiktok.client.TikTokEndpoints;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Simulator mode: the TikTok API simulator runs in its own DispatcherServlet under {@code /tiktok-sim} on this
 * application's port, and the client talks to it with the simulator's development app. Never in {@code prod}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorModeCondition.class)
class EmbeddedSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

    @Bean
    ServletRegistrationBean<DispatcherServlet> tiktokSimulator() {
        log.warn("TIKTOK_APP_ID/TIKTOK_APP_SECRET are not set: TikTok calls go to the embedded simulator at {}",
                TikTokEndpoints.SIMULATOR_PREFIX);
        return EmbeddedSimulator.servletRegistration(TikTokEndpoints.SIMULATOR_PREFIX, SimulatorSettings.defaults());
    }

    /**
     * The simulator is a stand-in for TikTok, not part of the product: no login, no CSRF, no session. Its pages
     * (the consent page) get the application's security headers all the same: CSP without inline script,
     * {@code frame-ancestors 'none'} (no clickjacking of the Authorize button), nosniff, frame DENY.
     */
    @Bean
    @Order(2)
    SecurityFilterChain tiktokSimulatorChain(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher(TikTokEndpoints.SIMULATOR_PREFIX + "/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
