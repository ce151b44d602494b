package com.tttools.app.notifications.email;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/** Helpers for turning provider answers into {@link com.tttools.app.notifications.DeliveryFailure}s. */
final class Failures {

    private static final Pattern EMAIL = Pattern.compile("[^\\s'\"<>,:;()]+@[^\\s'\"<>,:;()]+");

    private Failures() {
    }

    /** Provider texts may quote the recipient; the delivery log shows errors to admins, so addresses go. */
    static String withoutAddresses(String text) {
        if (text == null) {
            return "";
        }
        String clean = EMAIL.matcher(text).replaceAll("(address)");
        return clean.length() > 300 ? clean.substring(0, 300) : clean;
    }

    /** {@code Retry-After} in seconds (the only form these providers use); null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
