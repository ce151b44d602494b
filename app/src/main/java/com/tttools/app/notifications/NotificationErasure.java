package com.tttools.app.notifications;

import com.tttools.app.shared.UserId;

/**
 * Erases what this module keeps of one person when their account is erased (the account row stays as a tombstone,
 * so the foreign keys' cascades do not fire): their notifications and deliveries, preferences, known sign-in
 * addresses and Telegram link.
 */
public interface NotificationErasure {

    void eraseUser(UserId user);
}
