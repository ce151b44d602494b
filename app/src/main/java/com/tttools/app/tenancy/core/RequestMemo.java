package com.tttools.app.tenancy.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers kept for the rest of one web request: the controller's access check, the layout's navigation and the
 * switcher ask the same questions, and the first asking pays. Outside a request (jobs, listeners) every call reads.
 * A tenancy change made inside the request forgets them ({@link #forget}).
 */
final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    static <T> T get(String key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return read.get();
        }
        Map<String, Object> memo = (Map<String, Object>) attributes.getAttribute(ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            attributes.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        if (memo.containsKey(key)) {
            return (T) memo.get(key);
        }
        T value = read.get();
        memo.put(key, value);
        return value;
    }

    static void forget() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
