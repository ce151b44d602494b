package com.tttools.app.notifications.erasure;

import com.tttools.app.notifications.NotificationErasure;
import com.tttools.app.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class NotificationErasureService implements NotificationErasure {

    private final JdbcClient jdbc;

    NotificationErasureService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void eraseUser(UserId user, String email, String tombstone) {
        for (String sql : new String[] {
                "DELETE FROM notification_deliveries WHERE user_id = :user",
                "DELETE FROM notifications WHERE user_id = :user",
                "DELETE FROM notification_preferences WHERE user_id = :user",
                "DELETE FROM notification_known_login_ips WHERE user_id = :user",
                "DELETE FROM telegram_link_codes WHERE user_id = :user",
                "DELETE FROM telegram_links WHERE user_id = :user"}) {
            jdbc.sql(sql).param("user", user.value()).update();
        }
        if (email == null || email.isBlank()) {
            return;
        }
        // transactional mail queued to the address alone (invitations) carries it in the delivery row
        jdbc.sql("DELETE FROM notification_deliveries WHERE user_id IS NULL AND lower(address) = lower(:email)")
                .param("email", email).update();
        // others' notifications name the person by address ("... by ana@example.com waits for your approval");
        // a whole-table scan, but erasures run once a day and rarely
        jdbc.sql("""
                        UPDATE notifications
                        SET title = left(replace(replace(title, :email, :tombstone), lower(:email), :tombstone), 300),
                            body = left(replace(replace(body, :email, :tombstone), lower(:email), :tombstone), 4000)
                        WHERE strpos(lower(title || ' ' || coalesce(body, '')), lower(:email)) > 0
                        """)
                .param("email", email).param("tombstone", tombstone).update();
    }
}
