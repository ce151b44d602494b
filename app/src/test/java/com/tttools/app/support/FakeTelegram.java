package com.tttools.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Telegram Bot API server (JDK HttpServer) speaking the real protocol: {@code POST /bot<token>/<method>}
 * with JSON, answers in Telegram's envelope ({@code {ok:true,result}} / {@code {ok:false,error_code,description,
 * parameters}}), HTTP status = {@code error_code}, {@code Retry-After} on 429, 401 for a wrong token and 404 for
 * an unknown method. One server for the whole test run (the shared context points {@code TELEGRAM_API_URL} at it);
 * tests use their own chat ids, so they never read each other's messages.
 */
public final class FakeTelegram {

    public static final String TOKEN = "123456789:TEST-bot-token_for-the-fake";
    public static final String BOT_USERNAME = "tttools_test_bot";

    /** A request the bot made: the method and its JSON body. */
    public record Call(String method, JsonNode body) {
    }

    private static FakeTelegram shared;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<ObjectNode> updates = new ConcurrentLinkedDeque<>();
    private final Map<Long, ConcurrentLinkedDeque<String>> failures = new ConcurrentHashMap<>();
    private final AtomicLong nextUpdateId = new AtomicLong(700_000_001);
    private final AtomicLong nextMessageId = new AtomicLong(1);

    private FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeTelegram shared() {
        if (shared == null) {
            try {
                shared = new FakeTelegram();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an update for {@code getUpdates}; its {@code update_id} is assigned here and returned. */
    public long enqueueUpdate(ObjectNode update) {
        long id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        updates.add(update);
        return id;
    }

    /** The {@code /start <payload>} message a user sends by pressing Start in a private chat. */
    public static ObjectNode startMessage(long chatId, String payload) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode message = update.putObject("message");
        message.put("message_id", 5);
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Ana");
        message.putObject("chat").put("id", chatId).put("first_name", "Ana").put("type", "private");
        message.put("date", 1_764_065_800L);
        message.put("text", "/start " + payload);
        message.putArray("entities").addObject().put("offset", 0).put("length", 6).put("type", "bot_command");
        return update;
    }

    /** A press on an inline button in the private chat {@code chatId}. */
    public static ObjectNode buttonPress(long chatId, String data) {
        ObjectNode update = JSON.createObjectNode();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cbq-" + chatId + "-" + System.nanoTime());
        query.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Ana");
        ObjectNode message = query.putObject("message");
        message.put("message_id", 42);
        message.putObject("chat").put("id", chatId).put("type", "private");
        message.put("date", 1_764_065_730L);
        query.put("chat_instance", "-1234567890123456789");
        query.put("data", data);
        return update;
    }

    /** The next {@code sendMessage} to the chat gets 429 with {@code retry_after} seconds. */
    public void rateLimitNext(long chatId, int retryAfterSeconds) {
        failures.computeIfAbsent(chatId, c -> new ConcurrentLinkedDeque<>()).add("429:" + retryAfterSeconds);
    }

    /** The next {@code times} {@code sendMessage} calls to the chat get 502 Bad Gateway (Telegram's servers in trouble). */
    public void serverErrorNext(long chatId, int times) {
        for (int i = 0; i < times; i++) {
            failures.computeIfAbsent(chatId, c -> new ConcurrentLinkedDeque<>()).add("502");
        }
    }

    /** Telegram works again for the chat: queued failures are dropped. */
    public void recovered(long chatId) {
        failures.remove(chatId);
    }

    /** Every {@code sendMessage} to the chat from now on gets 403: the user blocked the bot. */
    public void blockedBy(long chatId) {
        failures.computeIfAbsent(chatId, c -> new ConcurrentLinkedDeque<>()).add("403");
    }

    /** The bot's calls of a method, oldest first. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The text of the bot's latest answer to a button press. */
    public String lastCallbackAnswer() {
        List<Call> answers = calls("answercallbackquery");
        return answers.get(answers.size() - 1).body().path("text").asString();
    }

    /** The messages sent to one chat, oldest first. */
    public List<JsonNode> messagesTo(long chatId) {
        return calls("sendMessage").stream().map(Call::body).filter(b -> b.path("chat_id").asLong() == chatId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/bot")) {
                answer(exchange, 404, error(404, "Not Found", null));
                return;
            }
            String rest = path.substring(4);
            int slash = rest.indexOf('/');
            String token = slash < 0 ? rest : rest.substring(0, slash);
            String method = slash < 0 ? "" : rest.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            if (!token.contains(":")) {
                answer(exchange, 401, error(401, "Unauthorized: invalid token specified", null));
                return;
            }
            if (!token.equals(TOKEN)) {
                answer(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            calls.add(new Call(method.equals("sendmessage") ? "sendMessage" : method, body));
            switch (method) {
                case "getme" -> answer(exchange, 200, ok(JSON.createObjectNode().put("id", 123456789L).put("is_bot", true)
                        .put("first_name", "TTtools").put("username", BOT_USERNAME)));
                case "sendmessage" -> sendMessage(exchange, body);
                case "getupdates" -> {
                    long offset = body.path("offset").asLong(0);
                    updates.removeIf(u -> u.path("update_id").asLong() < offset);   // confirmed by the offset
                    List<ObjectNode> pending = new ArrayList<>(updates);
                    answer(exchange, 200, ok(JSON.valueToTree(pending)));
                }
                case "setwebhook", "deletewebhook", "answercallbackquery" -> answer(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                default -> answer(exchange, 404, error(404, "Not Found: method not found", null));
            }
        }
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException {
        long chatId = body.path("chat_id").asLong();
        String text = body.path("text").asString("");
        if (text.isEmpty()) {
            answer(exchange, 400, error(400, "Bad Request: message text is empty", null));
            return;
        }
        ConcurrentLinkedDeque<String> queue = failures.get(chatId);
        String failure = queue == null ? null : ("403".equals(queue.peek()) ? queue.peek() : queue.poll());
        if (failure != null && failure.startsWith("429:")) {
            int seconds = Integer.parseInt(failure.substring(4));
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(seconds));
            answer(exchange, 429, error(429, "Too Many Requests: retry after " + seconds, seconds));
            return;
        }
        if ("502".equals(failure)) {
            answer(exchange, 502, error(502, "Bad Gateway", null));
            return;
        }
        if ("403".equals(failure)) {
            answer(exchange, 403, error(403, "Forbidden: bot was blocked by the user", null));
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", nextMessageId.getAndIncrement());
        message.putObject("from").put("id", 123456789L).put("is_bot", true).put("first_name", "TTtools")
                .put("username", BOT_USERNAME);
        message.putObject("chat").put("id", chatId).put("type", "private");
        message.put("date", 1_764_065_730L);
        message.put("text", text);
        if (body.has("reply_markup")) {
            message.set("reply_markup", body.get("reply_markup"));
        }
        answer(exchange, 200, ok(message));
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ok", true);
        node.set("result", result);
        return node;
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ok", false);
        node.put("error_code", code);
        node.put("description", description);
        if (retryAfter != null) {
            node.putObject("parameters").put("retry_after", retryAfter);
        }
        return node;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
