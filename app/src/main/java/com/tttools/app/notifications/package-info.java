/**
 * Notifications: the outbox every notification and transactional mail goes through (written in the caller's
 * transaction, sent by a db-scheduler task with retries), the e-mail channel (Resend, Postmark, SMTP), provider
 * webhooks, the delivery log, in-app notifications and preferences. The base package is the module's API:
 * {@link com.tttools.app.notifications.Notifications} and the {@link com.tttools.app.notifications.ChannelSender} SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared",
        "identity", "tenancy", "tiktok", "platform :: config", "platform :: crypto", "platform :: mail"})
package com.tttools.app.notifications;
