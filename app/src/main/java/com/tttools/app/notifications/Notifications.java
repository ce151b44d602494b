package com.tttools.app.notifications;

/** The notifications facade: queue a notification (in the caller's transaction; sent after commit by a job). */
public interface Notifications {

    void notify(NotificationRequest request);
}
