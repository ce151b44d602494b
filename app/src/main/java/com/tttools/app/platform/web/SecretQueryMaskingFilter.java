package com.tttools.app.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the values of secret query parameters (the links of the confirmation and reset mails, TikTok's OAuth
 * callback and consent page) and the invitation links carried as a value ({@code /login?next=/invitations/...})
 * from whatever prints a request's query string: Spring Security ("Securing GET ...") and Spring MVC log the request
 * line with it at DEBUG (docs/security.md, Secrets in logs). Handlers read parameters through
 * {@code getParameter}, which is untouched; nothing of ours reads the query string itself. Runs before Spring
 * Security, on error dispatches too.
 *
 * <p>Names that are secrets wherever they appear are masked on every route; {@code code} only on an OAuth callback
 * (a path ending in {@code /callback}: TikTok sends {@code auth_code}, some integrations {@code code}), as elsewhere
 * it is an ordinary word (a currency or an error code) whose value a log should keep.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SecretQueryMaskingFilter extends OncePerRequestFilter {

    static final String MASK = "***";
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:^|&)(?:token|auth_code|state|access_token|refresh_token|secret|password)=)[^&]*");
    private static final Pattern CALLBACK_CODE = Pattern.compile("(?i)((?:^|&)code=)[^&]*");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String masked = query == null ? null : mask(request.getRequestURI(), query);
        if (masked == null || masked.equals(query)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return masked;
            }
        }, response);
    }

    static String mask(String path, String query) {
        String masked = SecretPaths.maskQuery(SECRET_PARAMETER.matcher(query).replaceAll("$1" + MASK));
        return path != null && path.endsWith("/callback") ? CALLBACK_CODE.matcher(masked).replaceAll("$1" + MASK) : masked;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
