package com.tttools.app.identity.security;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.token.PersonalAccessTokens;
import com.tttools.app.platform.security.ProblemResponses;
import com.tttools.app.platform.web.HttpRequestMetadata;
import com.tttools.app.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ttt_pat_...} on {@code /api/**} for this request only (no session
 * is created). A bearer token that is not live answers 401 at once rather than falling back to a cookie.
 * It runs before the CSRF filter and marks the requests it authenticated ({@link #authenticatedWithToken}):
 * only those skip the CSRF check, so a stray {@code Authorization} header never switches CSRF off for a
 * cookie-authenticated request (a page form, or any path outside {@code /api/**}).
 */
class PersonalAccessTokenFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";
    /** Request attribute set on requests this filter authenticated with a live token. */
    static final String AUTHENTICATED_WITH_TOKEN = PersonalAccessTokenFilter.class.getName() + ".authenticated";

    private final PersonalAccessTokens tokens;
    private final ProblemResponses problems;

    PersonalAccessTokenFilter(PersonalAccessTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** True when this request was authenticated by a personal access token (not by a session cookie). */
    static boolean authenticatedWithToken(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED_WITH_TOKEN));
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** Streamed answers (CSV) finish in an async dispatch, which needs the token's authentication again. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Problems.isApiPath(request.getRequestURI()) || !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("Authorization").substring(BEARER.length()).strip();
        var holder = tokens.authenticate(presented, HttpRequestMetadata.of(request));
        if (holder.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The access token is invalid, expired or revoked.");
            return;
        }
        var user = holder.get().user();
        var principal = new AuthenticatedUser(user.id(), user.email(), user.name(), holder.get().readOnly());
        List<GrantedAuthority> authorities = holder.get().readOnly() ? List.of() : List.of(SignIn.WRITE);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED_WITH_TOKEN, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
