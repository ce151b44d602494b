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
    public void eraseUser(UserId user) {
        for (String sql : new String[] {
                "DELETE FROM notification_deliveries WHERE user_id = :user",
                "DELETE FROM notifications WHERE user_id = :user",
                "DELETE FROM notification_preferences WHERE user_id = :user",
                "DELETE FROM notification_known_login_ips WHERE user_id = :user",
                "DELETE FROM telegram_link_codes WHERE user_id = :user",
                "DELETE FROM telegram_links WHERE user_id = :user"}) {
            jdbc.sql(sql).param("user", user.value()).update();
        }
    }
}
