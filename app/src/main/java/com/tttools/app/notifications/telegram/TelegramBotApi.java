package com.tttools.app.notifications.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API methods we use, as JSON calls to {@code <apiUrl>/bot<token>/<method>}. Every answer is Telegram's
 * envelope: {@code {ok:true, result}} or {@code {ok:false, error_code, description, parameters}}. The token is in
 * the URL, so no URL or request is ever put into a message or log line.
 */
public class TelegramBotApi {

    /** A button of an inline keyboard: a link ({@code url}) or a callback ({@code callbackData}, at most 64 bytes). */
    public record Button(String text, String url, String callbackData) {
    }

    /** The sent message's reference: {@code message_id} is unique within its chat only. */
    public record SentMessage(long chatId, long messageId) {
    }

    private final RestClient rest;
    private final JsonMapper json;
    private final TelegramProperties properties;

    public TelegramBotApi(RestClient rest, JsonMapper json, TelegramProperties properties) {
        this.rest = rest;
        this.json = json;
        this.properties = properties;
    }

    /** The bot's {@code username} (for deep links). */
    public String username() throws TelegramApiException {
        return call("getMe", Map.of()).path("username").asString("");
    }

    public SentMessage sendMessage(long chatId, String html, List<List<Button>> keyboard) throws TelegramApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", html);
        body.put("parse_mode", "HTML");
        body.put("link_preview_options", Map.of("is_disabled", true));
        if (keyboard != null && !keyboard.isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", keyboard.stream().map(row -> row.stream()
                    .map(TelegramBotApi::button).toList()).toList()));
        }
        JsonNode result = call("sendMessage", body);
        return new SentMessage(result.path("chat").path("id").asLong(chatId), result.path("message_id").asLong());
    }

    /** Long polling: the updates after {@code offset}, waiting up to {@code timeout} for one to arrive. */
    public List<JsonNode> getUpdates(long offset, Duration timeout) throws TelegramApiException {
        JsonNode result = call("getUpdates", Map.of("offset", offset, "timeout", timeout.toSeconds(), "limit", 100,
                "allowed_updates", List.of("message", "callback_query", "my_chat_member")));
        List<JsonNode> updates = new ArrayList<>();
        result.forEach(updates::add);
        return updates;
    }

    public void setWebhook(String url, String secretToken) throws TelegramApiException {
        call("setWebhook", Map.of("url", url, "secret_token", secretToken,
                "allowed_updates", List.of("message", "callback_query", "my_chat_member")));
    }

    public void deleteWebhook() throws TelegramApiException {
        call("deleteWebhook", Map.of("drop_pending_updates", false));
    }

    /** Ends the client's progress indicator on a pressed button; {@code text} shows as a short notice. */
    public void answerCallbackQuery(String callbackQueryId, String text) throws TelegramApiException {
        call("answerCallbackQuery", Map.of("callback_query_id", callbackQueryId, "text", text));
    }

    /** One method call; the parsed {@code result}, or the error Telegram (or the network) gave. */
    JsonNode call(String method, Map<String, Object> body) throws TelegramApiException {
        if (!properties.configured()) {
            throw new TelegramApiException(401, "Unauthorized: no bot token is configured", null);
        }
        String answer;
        int status;
        try {
            Object[] response = rest.post()
                    .uri(properties.apiUrl().toString().replaceAll("/+$", "") + "/bot{token}/{method}",
                            properties.botToken(), method)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    // bytes, as HttpTransport sends: RestClient prints a String body at DEBUG ("Writing [...]"),
                    // and this one holds the chat's message text
                    .body(json.writeValueAsBytes(body))
                    .exchange((request, res) -> new Object[] {res.getStatusCode().value(),
                            new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            status = (int) response[0];
            answer = (String) response[1];
        } catch (RestClientException e) {
            // the exception's message may hold the URL, and so the token: say only what kind of failure it was
            throw new TelegramApiException(0, e.getClass().getSimpleName(), null);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(answer);
        } catch (JacksonException e) {
            throw new TelegramApiException(status >= 400 ? status : 502, "the answer was not JSON (HTTP " + status + ")", null);
        }
        if (envelope.path("ok").asBoolean(false)) {
            return envelope.path("result");
        }
        int code = envelope.path("error_code").asInt(status >= 400 ? status : 502);
        JsonNode retry = envelope.path("parameters").path("retry_after");
        throw new TelegramApiException(code, envelope.path("description").asString("(no description)"),
                retry.isNumber() ? Duration.ofSeconds(retry.asLong()) : null);
    }

    private static Map<String, String> button(Button button) {
        return button.url() != null ? Map.of("text", button.text(), "url", button.url())
                : Map.of("text", button.text(), "callback_data", button.callbackData());
    }
}
