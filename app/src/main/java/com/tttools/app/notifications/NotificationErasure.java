package com.tttools.app.notifications;

import com.tttools.app.shared.UserId;

/**
 * Erases what this module keeps of one person when their account is erased (the account row stays as a tombstone,
 * so the foreign keys' cascades do not fire): their notifications and deliveries, preferences, known sign-in
 * addresses and Telegram link; deliveries of mail queued to their address without an account (invitations); and
 * their address in other people's notifications (e.g. "planned by ..."), which gets the tombstone.
 *
 * @param email     the account's address (null when unknown)
 * @param tombstone what replaces the address in other people's notifications
 */
public interface NotificationErasure {

    void eraseUser(UserId user, String email, String tombstone);
}
