package com.tttools.app.support;

import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * TEMPORARY, until the notifications module's outbox (H7) is on main: the one {@link Notifications} of the test
 * context, keeping the requests so tests can see what would have been queued. Delete it (and its {@code @Import}
 * in {@link IntegrationTest}) when the outbox lands; tests then read the outbox instead.
 */
public class NotificationsStandIn implements Notifications {

    private final List<NotificationRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void notify(NotificationRequest request) {
        requests.add(request);
    }

    public List<NotificationRequest> requests() {
        return List.copyOf(requests);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        NotificationsStandIn notificationsStandIn() {
            return new NotificationsStandIn();
        }
    }
}
