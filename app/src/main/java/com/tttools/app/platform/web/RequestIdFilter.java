package com.tttools.app.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane (so ids can be traced across
 * a proxy), a fresh random one otherwise. The id is echoed on the response, kept as a request attribute for
 * error bodies and put in the log MDC. Runs before Spring Security so that its rejections carry the id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    public static final String MDC_KEY = "requestId";
    /** The method of the request as the client sent it (an error dispatch may report another one). */
    static final String METHOD_ATTRIBUTE = RequestIdFilter.class.getName() + ".method";

    /** Printable, no spaces or separators that could forge log lines or headers. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = accepted(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            request.setAttribute(METHOD_ATTRIBUTE, request.getMethod());
        }
        response.setHeader(HEADER, id);
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** Error pages are rendered in a later dispatch; they need the id in the MDC and on the response too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String accepted(String offered) {
        if (offered != null && SANE.matcher(offered).matches()) {
            return offered;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of the request being served, for error bodies and events. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? MDC.get(MDC_KEY) : id.toString();
    }
}
