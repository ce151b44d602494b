package com.tttools.app.platform.web;

import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The metadata of the HTTP request being served on this thread, for events and logs. Outside a request
 * (jobs, listeners) it is {@link RequestMetadata#none()}. The client IP is the servlet's remote address,
 * which honours X-Forwarded-For only when TTTOOLS_FORWARD_HEADERS=native trusts the proxy.
 */
public final class CurrentRequest {

    private static final int MAX_USER_AGENT = 512;

    private CurrentRequest() {
    }

    public static RequestMetadata metadata() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return RequestMetadata.none();
    }

    public static RequestMetadata of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new RequestMetadata(request.getRemoteAddr(), agent, RequestIdFilter.of(request));
    }
}
