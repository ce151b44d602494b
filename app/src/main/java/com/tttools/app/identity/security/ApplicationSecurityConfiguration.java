package com.tttools.app.identity.security;

import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.session.SessionProperties;
import com.tttools.app.identity.token.PersonalAccessTokens;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.security.ProblemResponses;
import com.tttools.app.platform.security.SecurityHeaders;
import com.tttools.app.platform.web.HttpRequestMetadata;
import com.tttools.app.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's filter chain: session cookies (Spring Session JDBC) for pages and the API, bearer
 * personal access tokens for the API, CSRF on every state-changing request made with a cookie (login and
 * sign-up included), and unsafe API methods closed to read-only tokens.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSecurityConfiguration {

    static final String[] PUBLIC_PAGES = {"/", "/login", "/login/two-factor", "/signup", "/forgot-password",
            "/reset-password", "/verify-email", "/invitations/**", "/dev/mailbox", "/error", "/favicon.svg",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html"};
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository(PlatformProperties platform) {
        CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieName(csrfCookieName(platform));
        cookies.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax").secure(platform.https()));
        return new RandomCsrfTokenRepository(cookies);
    }

    /** {@code __Host-XSRF-TOKEN} on https (Secure, Path=/, no Domain: the browser pins it to our origin). */
    static String csrfCookieName(PlatformProperties platform) {
        return platform.https() ? "__Host-XSRF-TOKEN" : "XSRF-TOKEN";
    }

    @Bean
    @Order(10)
    SecurityFilterChain applicationChain(HttpSecurity http, SecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens, PersonalAccessTokens tokens, ProblemResponses problems,
            SecurityEvents securityEvents, SessionProperties sessions, Clock clock,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        RequestMatcher api = request -> Problems.isApiPath(request.getRequestURI());
        RequestMatcher unsafeApi = request -> api.matches(request) && !SAFE_METHODS.contains(request.getMethod());
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
                        .requestMatchers(HttpMethod.GET, "/privacy", "/terms").permitAll()   // legal pages
                        .requestMatchers(HttpMethod.POST, "/login", "/login/two-factor", "/signup", "/forgot-password",
                                "/reset-password", "/verify-email").permitAll()
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .requestMatchers(new UnmappedRoutes(mappings)).permitAll()
                        .requestMatchers(unsafeApi).hasAuthority(SignIn.WRITE.getAuthority())
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(PersonalAccessTokenFilter::authenticatedWithToken))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterAfter(new AbsoluteSessionTimeoutFilter(clock, sessions.absoluteTimeout()),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new PersonalAccessTokenFilter(tokens, problems), CsrfFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler((req, res, ex) -> {
                            if (ex instanceof CsrfException) {
                                securityEvents.publish(SecurityEventTypes.CSRF_REJECTED, null, null,
                                        Map.of("method", req.getMethod(), "path", pathOf(req)),
                                        HttpRequestMetadata.of(req));
                            }
                            if (api.matches(req)) {
                                problems.write(req, res, HttpStatus.FORBIDDEN, ex instanceof CsrfException
                                        ? "The CSRF token is missing or invalid. Get one from GET /api/v1/auth/csrf."
                                        : Problems.defaultDetail(403, req.getMethod(), req.getRequestURI()));
                            } else {
                                res.sendError(HttpStatus.FORBIDDEN.value());
                            }
                        }));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
