package com.tttools.app.notifications.telegram;

import java.time.Duration;

/**
 * A Bot API call that did not succeed: Telegram's {@code error_code} (= the HTTP status; 0 when no answer came) and
 * {@code description}, with {@code parameters.retry_after} on 429 and {@code migrate_to_chat_id} for upgraded groups.
 */
public class TelegramApiException extends Exception {

    private final int errorCode;
    private final String description;
    private final Duration retryAfter;

    public TelegramApiException(int errorCode, String description, Duration retryAfter) {
        super(errorCode == 0 ? "Telegram did not answer: " + description : "Telegram answered " + errorCode + ": " + description);
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** 429, 5xx and no answer at all: worth another try later. */
    public boolean retryable() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }

    /** 403 for a private chat: the user blocked the bot, or the account is gone. */
    public boolean blocked() {
        return errorCode == 403;
    }
}
