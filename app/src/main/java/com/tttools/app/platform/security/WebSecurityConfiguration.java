package com.tttools.app.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's filter chain: probes are public, metrics and everything else need the metrics token.
 * The application's own chain (sessions, CSRF, personal access tokens) belongs to the identity module.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, MetricsTokenAuthorization metricsToken,
            ProblemResponses problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/actuator/health/redis")
                        .permitAll()
                        .anyRequest().access(metricsToken))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED)));
        SecurityHeaders.apply(http);
        return http.build();
    }
}
