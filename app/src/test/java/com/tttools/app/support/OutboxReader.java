package com.tttools.app.support;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the real outbox queued, read back from its tables as the requests that produced it: each in-app
 * notification with the channels it got deliveries on. Tests assert on this instead of replacing the
 * {@code Notifications} facade.
 */
public class OutboxReader {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    OutboxReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every queued notification, oldest first. */
    public List<NotificationRequest> requests() {
        return jdbc.sql("""
                        SELECT n.id, n.user_id, n.workspace_id, n.event_type, n.title, n.body, n.link, n.dedup_key,
                               n.actions::text AS actions,
                               COALESCE((SELECT string_agg(d.channel, ',') FROM notification_deliveries d
                                         WHERE d.notification_id = n.id), '') AS channels
                        FROM notifications n ORDER BY n.created_at, n.id""")
                .query((rs, i) -> new NotificationRequest(rs.getString("event_type"),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getObject("workspace_id") == null ? null
                                : new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getString("dedup_key"),
                        actions(rs.getString("actions")), channels(rs.getString("channels"))))
                .list();
    }

    private List<NotificationAction> actions(String text) {
        List<NotificationAction> out = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            out.add(new NotificationAction(node.path("label").asString(), node.path("action").asString(),
                    node.path("argument").isNull() ? null : node.path("argument").asString()));
        }
        return out;
    }

    private static Set<Channel> channels(String text) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                out.add(Channel.valueOf(name));
            }
        }
        return out;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        OutboxReader outboxReader(JdbcClient jdbc) {
            return new OutboxReader(jdbc);
        }
    }
}
