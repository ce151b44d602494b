package com.tttools.app.notifications.telegram;

import com.tttools.app.shared.UserId;
import java.util.Set;

/**
 * Handles pressed inline buttons whose {@code callback_data} is {@code <action>:<argument>} for one of its
 * {@link #actions()}. {@code user} is the TTtools user the pressing chat is linked to; the handler authorizes them.
 */
public interface TelegramActionHandler {

    /**
     * What the bot answers: {@code notice} is the short text Telegram shows over the chat (at most 200 characters);
     * {@code message}, when not null, is also sent to the chat as an HTML message (for what a notice cannot hold,
     * such as a link).
     */
    record Answer(String notice, String message) {

        public static Answer notice(String notice) {
            return new Answer(notice, null);
        }
    }

    Set<String> actions();

    /** Does the action and says how it went. */
    Answer handle(UserId user, String action, String argument);
}
