package com.tttools.app.notifications.web;

import com.tttools.app.tenancy.WorkspaceNavigationEntry;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Alerts (the alerts slot) and, for admins, the delivery log in the workspace navigation. */
@Configuration(proxyBeanMethods = false)
class NotificationsNavigation {

    @Bean
    WorkspaceNavigationEntry alertsNavigationEntry() {
        return new WorkspaceNavigationEntry("alerts", "Alerts", "/alerts", WorkspacePermission.VIEW_REPORTS, 80);
    }

    @Bean
    WorkspaceNavigationEntry deliveriesNavigationEntry() {
        return new WorkspaceNavigationEntry("deliveries", "Deliveries", "/deliveries",
                WorkspacePermission.MANAGE_NOTIFICATIONS, 85);
    }
}
