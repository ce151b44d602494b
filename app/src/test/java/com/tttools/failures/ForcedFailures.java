package com.tttools.failures;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Failures on demand, for the generic-error checks of {@code ForcedFailuresIT}, added to a child app only with
 * {@code --spring.main.sources=com.tttools.failures.ForcedFailures} (this package lies outside {@code com.tttools.app},
 * so no component scan and no other test's context sees it):
 * <ul>
 * <li>a request carrying {@value #HEADER} makes the controller chosen for it fail as its handler starts, with an
 * exception whose message holds internals ({@value #SECRET}, a class name, a JDBC URL) that must never reach the
 * client: {@code runtime}, {@code database} (a non-data database failure) or {@code null} (a NullPointerException);</li>
 * <li>{@code GET /test-only/fail} is a route whose body throws.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Import(ForcedFailures.FailingController.class)
public class ForcedFailures implements WebMvcConfigurer {

    public static final String HEADER = "X-Test-Force-Failure";
    /** In every forced exception's message; no answer may contain it. */
    public static final String SECRET = "internal-secret-7f3a9c";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String kind = request.getHeader(HEADER);
                if (kind != null && handler instanceof HandlerMethod method) {
                    throw failure(kind, method.getBeanType().getName() + "#" + method.getMethod().getName());
                }
                return true;
            }
        });
    }

    static RuntimeException failure(String kind, String where) {
        return switch (kind) {
            case "database" -> new DataAccessResourceFailureException("Connection to jdbc:postgresql://db.internal:5432/"
                    + "tttools?user=tttools&application_name=" + SECRET + " refused in " + where);
            case "null" -> new NullPointerException("Cannot invoke \"String.length()\" because \"" + SECRET
                    + "\" is null in " + where);
            default -> new IllegalStateException("Unexpected state " + SECRET + " in " + where);
        };
    }

    @RestController
    static class FailingController {

        @GetMapping("/test-only/fail")
        String fail() {
            throw failure("runtime", FailingController.class.getName() + "#fail");
        }
    }
}
