/**
 * Notifications: what users hear about and where (in the app, e-mail, Telegram). Its API is the
 * {@link com.tttools.app.notifications.Notifications} facade and the {@link com.tttools.app.notifications.ChannelSender}
 * SPI. The {@code telegram} sub-package is the Telegram channel (Bot API client, chat linking, updates); the
 * {@code alerts} sub-package holds the workspaces' alert rules over reporting's facts. See docs/alerts.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "shared", "identity", "tenancy", "reporting", "inventory", "platform :: security" })
package com.tttools.app.notifications;
