package com.tttools.app.notifications.telegram;

import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the bot does with each update, however it arrived (long polling or webhook): {@code /start <code>} in a
 * private chat links the chat; a block ({@code my_chat_member} with status {@code kicked}) disables it; a pressed
 * button goes to the {@link TelegramActionHandler} of its action, and is always answered.
 */
@Component
public class TelegramUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    private final TelegramLinks links;
    private final TelegramBotApi bot;
    private final List<TelegramActionHandler> handlers;
    private final Clock clock;

    TelegramUpdates(TelegramLinks links, TelegramBotApi bot, List<TelegramActionHandler> handlers, Clock clock) {
        this.links = links;
        this.bot = bot;
        this.handlers = handlers;
        this.clock = clock;
    }

    public void handle(JsonNode update) {
        try {
            if (update.has("message")) {
                message(update.path("message"));
            } else if (update.has("callback_query")) {
                callback(update.path("callback_query"));
            } else if (update.has("my_chat_member")) {
                membership(update.path("my_chat_member"));
            }
        } catch (TelegramApiException e) {
            // the reply could not be sent; the link (or action) itself is done and stays done
            log.warn("Telegram update {}: the bot's reply failed ({})", update.path("update_id").asLong(), e.getMessage());
        }
    }

    private void message(JsonNode message) throws TelegramApiException {
        String text = message.path("text").asString("");
        JsonNode chat = message.path("chat");
        if (!"private".equals(chat.path("type").asString("")) || !text.startsWith("/start")) {
            return;
        }
        long chatId = chat.path("id").asLong();
        String code = text.length() > 6 ? text.substring(6).strip() : "";
        if (code.isEmpty()) {
            bot.sendMessage(chatId, "To get TTtools notifications here, open your account in TTtools and choose "
                    + "<b>Link Telegram</b>.", List.of());
            return;
        }
        Optional<UserId> user = links.consume(code, chatId, clock.instant());
        bot.sendMessage(chatId, user.isPresent()
                ? "This chat is now linked to your TTtools account. Alerts you choose to get on Telegram arrive here."
                : "This link has expired or was already used. Create a new one in TTtools (it works for 10 minutes).",
                List.of());
    }

    private void callback(JsonNode query) throws TelegramApiException {
        String id = query.path("id").asString("");
        String data = query.path("data").asString("");
        long from = query.path("from").path("id").asLong();
        int colon = data.indexOf(':');
        String action = colon < 0 ? data : data.substring(0, colon);
        String argument = colon < 0 ? "" : data.substring(colon + 1);
        // in a private chat the chat id is the user's id, which is what /start linked
        Optional<UserId> user = links.userOf(from);
        TelegramActionHandler.Answer answer;
        if (user.isEmpty()) {
            answer = TelegramActionHandler.Answer.notice("This chat is not linked to a TTtools account.");
        } else {
            answer = handlers.stream().filter(h -> h.actions().contains(action)).findFirst()
                    .map(h -> h.handle(user.get(), action, argument))
                    .orElse(TelegramActionHandler.Answer.notice("This button no longer works."));
        }
        String notice = answer.notice();
        bot.answerCallbackQuery(id, notice.length() > 200 ? notice.substring(0, 200) : notice);
        if (answer.message() != null) {
            bot.sendMessage(from, answer.message(), List.of());
        }
    }

    private void membership(JsonNode change) {
        if ("private".equals(change.path("chat").path("type").asString(""))
                && "kicked".equals(change.path("new_chat_member").path("status").asString(""))) {
            links.disable(change.path("chat").path("id").asLong(), "blocked", clock.instant());
        }
    }
}
