package com.tttools.app.notifications.telegram;

import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/** Deep links {@code https://t.me/<bot>?start=<code>} that link a Telegram chat to the signed-in user. */
@Service
public class TelegramLinking {

    /** The link to open and when its code stops working. */
    public record DeepLink(String url, Instant expiresAt) {
    }

    private final TelegramProperties properties;
    private final TelegramLinks links;
    private final TelegramBotApi bot;
    private final Clock clock;
    private final AtomicReference<String> username = new AtomicReference<>();

    TelegramLinking(TelegramProperties properties, TelegramLinks links, TelegramBotApi bot, Clock clock) {
        this.properties = properties;
        this.links = links;
        this.bot = bot;
        this.clock = clock;
    }

    public boolean available() {
        return properties.configured();
    }

    public DeepLink newLink(UserId user) {
        if (!properties.configured()) {
            throw new ConflictException("Telegram is not set up on this installation (no bot token).");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.linkValidity());
        String code = links.newCode(user, now, expiresAt);
        return new DeepLink("https://t.me/" + botUsername() + "?start=" + code, expiresAt);
    }

    /** The bot's username from {@code getMe}, asked once. */
    String botUsername() {
        String known = username.get();
        if (known != null) {
            return known;
        }
        try {
            String name = bot.username();
            username.set(name);
            return name;
        } catch (TelegramApiException e) {
            throw new ConflictException("Telegram could not be reached to create a link; try again in a minute.");
        }
    }
}
