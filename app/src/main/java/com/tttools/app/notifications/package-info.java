/**
 * Notifications: what users hear about and where (in the app, e-mail, Telegram). The outbox every notification and
 * transactional mail goes through (written in the caller's transaction, sent by a db-scheduler task with retries),
 * the e-mail channel (Resend, Postmark, SMTP), provider webhooks, the delivery log, in-app notifications and
 * preferences. Its API is the {@link com.tttools.app.notifications.Notifications} facade and the
 * {@link com.tttools.app.notifications.ChannelSender} SPI. The {@code telegram} sub-package is the Telegram channel
 * (Bot API client, chat linking, updates); the {@code alerts} sub-package holds the workspaces' alert rules over
 * reporting's facts. See docs/notifications.md and docs/alerts.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared",
        "identity", "tenancy", "tiktok", "reporting", "inventory", "bulk", "platform :: config", "platform :: crypto",
        "platform :: mail", "platform :: outbound", "platform :: security"})
package com.tttools.app.notifications;
