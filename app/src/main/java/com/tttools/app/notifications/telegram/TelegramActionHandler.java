package com.tttools.app.notifications.telegram;

import com.tttools.app.shared.UserId;
import java.util.Set;

/**
 * Handles pressed inline buttons whose {@code callback_data} is {@code <action>:<argument>} for one of its
 * {@link #actions()}. {@code user} is the TTtools user the pressing chat is linked to; the handler authorizes them.
 */
public interface TelegramActionHandler {

    Set<String> actions();

    /** Does the action; returns the short notice Telegram shows (at most 200 characters). */
    String handle(UserId user, String action, String argument);
}
