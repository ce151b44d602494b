package com.tttools.app.notifications;

/** A button a channel may render with a notification (Telegram inline keyboard): open, snooze, ack, pause. */
public record NotificationAction(String label, String action, String argument) {
}
