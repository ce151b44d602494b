package com.tttools.app.platform.web;

import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link RequestMetadata} of an HTTP request: controllers receive it as an argument
 * ({@link RequestMetadataArguments}); filters and security handlers, which hold the servlet request, build it here.
 * Nothing reads it from the thread: services get it passed down, jobs pass {@link RequestMetadata#none()}. The
 * client IP is the servlet's remote address, which honours X-Forwarded-For only when
 * TTTOOLS_FORWARD_HEADERS=native trusts the proxy.
 */
public final class HttpRequestMetadata {

    private static final int MAX_USER_AGENT = 512;

    private HttpRequestMetadata() {
    }

    public static RequestMetadata of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new RequestMetadata(request.getRemoteAddr(), agent, RequestIdFilter.of(request));
    }
}
