package com.tttools.app.notifications.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The provider webhooks' own filter chain: providers hold no session or CSRF token, so these two paths (and only
 * these) skip both; each controller authenticates its caller (signature or Basic credentials) itself.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain providerWebhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/resend", "/webhooks/postmark")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }
}
