package com.tttools.app.audit.internal;

import com.tttools.app.shared.audit.RequestMetadata;

/** Caps the length of free-text columns, so that a hostile header or name cannot bloat the log. */
final class Clip {

    private Clip() {
    }

    static String to(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String email(String email) {
        return to(email, 320);
    }

    static RequestMetadata request(RequestMetadata request) {
        return new RequestMetadata(to(request.ip(), 64), to(request.userAgent(), 512), to(request.requestId(), 64));
    }
}
