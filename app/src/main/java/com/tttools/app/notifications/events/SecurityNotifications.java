package com.tttools.app.notifications.events;

import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Security events that matter to the account's owner: a password change (or reset), two-factor sign-in turned on or
 * off, and a sign-in (or token use) from an IP address the account never signed in from before. The first sign-in
 * ever only records its IP.
 */
@Component
class SecurityNotifications {

    private final Notifications notifications;
    private final JdbcClient jdbc;

    SecurityNotifications(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(SecurityEventOccurred event) {
        if (event.userId() == null) {
            return;
        }
        switch (event.type()) {
            case "password.changed", "password.reset" -> notifications.notify(new NotificationRequest(
                    "security.password-changed", event.userId(), null, "Your password was changed",
                    "The password of your TTtools account was changed" + from(event)
                            + ". If this was not you, reset your password now.",
                    "/forgot-password", null, List.of(), null));
            case "two_factor.enabled", "two_factor.disabled" -> notifications.notify(new NotificationRequest(
                    "security.two-factor-changed", event.userId(), null,
                    "two_factor.enabled".equals(event.type()) ? "Two-factor sign-in turned on"
                            : "Two-factor sign-in turned off",
                    "Two-factor sign-in of your TTtools account was "
                            + ("two_factor.enabled".equals(event.type()) ? "turned on" : "turned off") + from(event)
                            + ". If this was not you, change your password now.",
                    "/account/two-factor", null, List.of(), null));
            case "login.succeeded", "token.new_ip" -> newIp(event);
            default -> {
            }
        }
    }

    private void newIp(SecurityEventOccurred event) {
        String ip = event.request().ip();
        if (ip == null || ip.isBlank() || ip.length() > 64) {
            return;
        }
        // Listeners run in parallel: serialise one account's sign-ins so exactly one of two concurrent first ones
        // counts as the first (the same transaction-scoped advisory lock as the outbox's de-duplication).
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "known-login-ips|" + event.userId().value()).query((rs, n) -> 1).list();
        boolean knewOthers = jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_known_login_ips WHERE user_id = :u)")
                .param("u", event.userId().value()).query(Boolean.class).single();
        int fresh = jdbc.sql("""
                INSERT INTO notification_known_login_ips (user_id, ip, first_seen) VALUES (:u, :ip, :at)
                ON CONFLICT DO NOTHING
                """).param("u", event.userId().value()).param("ip", ip)
                .param("at", Timestamp.from(event.occurredAt())).update();
        if (fresh == 1 && knewOthers) {
            notifications.notify(new NotificationRequest("security.new-login", event.userId(), null,
                    "New sign-in from " + ip, "Your TTtools account was used from the IP address " + ip
                            + ", which it had not been used from before. If this was not you, change your password"
                            + " and end your other sessions.",
                    "/account", "new-ip:" + ip, List.of(), null));
        }
    }

    private static String from(SecurityEventOccurred event) {
        String ip = event.request().ip();
        return ip == null || ip.isBlank() ? "" : " from " + ip;
    }
}
