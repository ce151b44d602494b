package com.tttools.app.notifications.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The event types users can set preferences for, with the words the preferences page shows. Other modules may
 * notify with further types (they follow the defaults until a user saves a preference for them).
 */
public final class EventTypes {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

    public static final Map<String, String> KNOWN;

    static {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("connection.needs-reauth", "A TikTok connection needs to be authorised again");
        known.put("connection.error", "A TikTok connection reports errors");
        known.put("connection.token-expiring", "A TikTok connection's access is about to expire");
        known.put("sync.failed", "A sync failed");
        known.put("sync.stale", "Report data is out of date (no successful sync for a while)");
        known.put("advertisers.changed", "Advertisers were added to or lost from a connection");
        known.put("invitation.received", "You were invited to an organization");
        known.put("security.new-login", "A sign-in from a new IP address");
        known.put("security.two-factor-changed", "Two-factor sign-in was turned on or off");
        known.put("security.password-changed", "Your password was changed");
        known.put("bulk.awaiting-approval", "A bulk change waits for approval");
        known.put("bulk.approved", "A bulk change was approved");
        known.put("bulk.rejected", "A bulk change was rejected");
        known.put("bulk.finished", "A bulk change finished");
        known.put("bulk.failed", "A bulk change failed");
        known.put("alert.fired", "An alert rule fired");
        KNOWN = Map.copyOf(known);
        ORDER = java.util.List.copyOf(known.keySet());
    }

    /** The known types in the order the preferences page lists them. */
    public static final java.util.List<String> ORDER;

    private EventTypes() {
    }

    public static String label(String eventType) {
        return KNOWN.getOrDefault(eventType, eventType);
    }
}
