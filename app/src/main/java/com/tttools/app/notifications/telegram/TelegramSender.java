package com.tttools.app.notifications.telegram;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.ChannelSender;
import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The Telegram channel: one {@code sendMessage} per delivery to the user's linked chat, HTML-escaped, with an inline
 * keyboard built from the actions ({@code open} as a link into the app, the others as {@code <action>:<argument>}
 * callbacks). A 429 is retried after Telegram's {@code retry_after}; a 403 (bot blocked) or a chat that no longer
 * exists disables the link and tells the user by e-mail.
 */
@Component
class TelegramSender implements ChannelSender {

    static final String BLOCKED_EVENT = "telegram.disabled";
    private final TelegramProperties properties;
    private final TelegramLinks links;
    private final TelegramBotApi bot;
    private final Notifications notifications;
    private final Clock clock;
    private final String baseUrl;

    TelegramSender(TelegramProperties properties, TelegramLinks links, TelegramBotApi bot, Notifications notifications,
            Clock clock, @Value("${tttools.base-url}") String baseUrl) {
        this.properties = properties;
        this.links = links;
        this.bot = bot;
        this.notifications = notifications;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Optional<String> addressOf(UserId user) {
        if (!properties.configured()) {
            return Optional.empty();
        }
        return links.find(user).filter(TelegramLinks.Link::active).map(l -> Long.toString(l.chatId()));
    }

    @Override
    @Transactional
    public String send(OutgoingMessage message) throws DeliveryFailure {
        long chatId;
        try {
            chatId = Long.parseLong(message.address());
        } catch (NumberFormatException e) {
            throw new DeliveryFailure("Not a Telegram chat id", false, null);
        }
        try {
            TelegramBotApi.SentMessage sent = bot.sendMessage(chatId, text(message), keyboard(message));
            return sent.chatId() + ":" + sent.messageId();
        } catch (TelegramApiException e) {
            if (e.blocked() || (e.errorCode() == 400 && e.description().contains("chat not found"))) {
                disable(chatId, e.description());
                throw new DeliveryFailure("Telegram: " + e.description(), false, null);
            }
            throw new DeliveryFailure("Telegram: " + e.description(), e.retryable(), e.retryAfter());
        }
    }

    /** Stops Telegram for the chat's users and tells each of them by e-mail (only e-mail: Telegram cannot reach them). */
    private void disable(long chatId, String reason) {
        for (UserId user : links.disable(chatId, reason, clock.instant())) {
            notifications.notify(new NotificationRequest(BLOCKED_EVENT, user, null,
                    "Telegram notifications are off",
                    "Telegram did not let us reach you (the bot was blocked or the chat is gone), so TTtools stopped "
                            + "sending notifications there. Link Telegram again from your account to get them back.",
                    "/account/telegram", BLOCKED_EVENT + ":" + user + ":" + clock.instant().toEpochMilli(), List.of(),
                    Set.of(Channel.EMAIL)));
        }
    }

    static String text(OutgoingMessage message) {
        String subject = message.subject() == null ? "" : message.subject();
        String body = message.textBody() == null ? "" : message.textBody();
        String html = "<b>" + HtmlUtils.htmlEscape(subject) + "</b>" + (body.isBlank() ? "" : "\n" + HtmlUtils.htmlEscape(body));
        return html.length() > 4000 ? html.substring(0, 4000) : html;
    }

    private List<List<TelegramBotApi.Button>> keyboard(OutgoingMessage message) {
        List<TelegramBotApi.Button> row = new ArrayList<>();
        List<NotificationAction> actions = message.actions() == null ? List.of() : message.actions();
        for (NotificationAction action : actions) {
            if ("open".equals(action.action())) {
                String path = action.argument() != null ? action.argument() : message.link();
                if (path != null && baseUrl.startsWith("https://")) {
                    // Telegram accepts only http(s) links to public hosts; a local installation gets no Open button
                    row.add(new TelegramBotApi.Button(action.label(), baseUrl + path, null));
                }
            } else {
                String data = action.action() + ":" + (action.argument() == null ? "" : action.argument());
                if (data.getBytes(StandardCharsets.UTF_8).length <= 64) {
                    row.add(new TelegramBotApi.Button(action.label(), null, data));
                }
            }
        }
        return row.isEmpty() ? List.of() : List.of(row);
    }
}
