package com.tttools.app.notifications.telegram;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.FakeTelegram;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.OutboxReader;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Linking a chat through the deep link and {@code /start} (by long polling and by webhook), unlinking, and the
 * Telegram channel's sends: an inline keyboard, 429 with retry_after, and a blocked bot that disables the link and
 * tells the user by e-mail. All against the local fake Bot API server.
 */
class TelegramLinkingIT extends IntegrationTest {

    static final FakeTelegram FAKE = FakeTelegram.shared();
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    TelegramPolling polling;
    @Autowired
    TelegramLinks links;
    @Autowired
    TelegramSender sender;
    @Autowired
    TelegramProperties properties;
    @Autowired
    OutboxReader notifications;
    @Autowired
    JdbcClient jdbc;

    Tenants tenants() {
        return new Tenants(port, (DevMailbox) mailer, limiter);
    }

    static long chat() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    static String code(JsonNode link) {
        String url = link.path("url").asString();
        assertThat(url).startsWith("https://t.me/" + FakeTelegram.BOT_USERNAME + "?start=");
        return url.substring(url.indexOf("start=") + 6);
    }

    @Test
    void startWithTheDeepLinksCodeLinksTheChatOnceAndTheCodeIsStoredOnlyHashed() throws Exception {
        Tenants.User user = tenants().verifiedUser("tg-link");
        JsonNode link = expect(user.api().post("/api/v1/me/telegram/link", null), 201).json();
        String code = code(link);
        assertThat(code).matches("[A-Za-z0-9_-]{43}");
        Instant expiresAt = Instant.parse(link.path("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThat(jdbc.sql("SELECT count(*) FROM telegram_link_codes WHERE encode(code_hash, 'escape') LIKE :c")
                .param("c", "%" + code + "%").query(Long.class).single()).isZero();

        long chat = chat();
        FAKE.enqueueUpdate(FakeTelegram.startMessage(chat, code));
        polling.pollOnce(Duration.ZERO);

        JsonNode status = expect(user.api().get("/api/v1/me/telegram"), 200).json();
        assertThat(status.path("linked").asBoolean()).isTrue();
        assertThat(links.find(UserId.of(user.id())).orElseThrow().chatId()).isEqualTo(chat);
        assertThat(FAKE.messagesTo(chat)).singleElement()
                .satisfies(m -> assertThat(m.path("text").asString()).contains("now linked"));

        long otherChat = chat();
        FAKE.enqueueUpdate(FakeTelegram.startMessage(otherChat, code));   // the same code again: single use
        polling.pollOnce(Duration.ZERO);
        assertThat(links.find(UserId.of(user.id())).orElseThrow().chatId()).isEqualTo(chat);
        assertThat(FAKE.messagesTo(otherChat)).singleElement()
                .satisfies(m -> assertThat(m.path("text").asString()).contains("expired or was already used"));

        expect(user.api().delete("/api/v1/me/telegram"), 204);
        assertThat(expect(user.api().get("/api/v1/me/telegram"), 200).json().path("linked").asBoolean()).isFalse();
    }

    @Test
    void anExpiredCodeLinksNothing() {
        UserId user = UserId.of(tenants().verifiedUser("tg-expired").id());
        Instant now = Instant.now();
        String code = links.newCode(user, now, now.plus(Duration.ofMinutes(10)));

        assertThat(links.consume(code, chat(), now.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(links.find(user)).isEmpty();
    }

    @Test
    void theWebhookNeedsTheSecretTokenAndRecordsNothingWithoutIt() throws Exception {
        Tenants.User user = tenants().verifiedUser("tg-hook");
        String code = code(expect(user.api().post("/api/v1/me/telegram/link", null), 201).json());
        long chat = chat();
        String update = FakeTelegram.startMessage(chat, code).put("update_id", updateId()).toString();

        assertThat(webhook(update, "wrong-secret")).isEqualTo(401);
        assertThat(webhook(update, null)).isEqualTo(401);
        assertThat(links.find(UserId.of(user.id()))).isEmpty();
        assertThat(FAKE.messagesTo(chat)).isEmpty();

        assertThat(webhook(update, properties.effectiveWebhookSecret())).isEqualTo(200);
        assertThat(links.find(UserId.of(user.id())).orElseThrow().chatId()).isEqualTo(chat);
    }

    /** Telegram re-sends an update it got no 2xx for; the same update_id three times is handled once (check 55). */
    @Test
    void theSameWebhookUpdateDeliveredThreeTimesIsHandledOnce() throws Exception {
        Tenants.User user = tenants().verifiedUser("tg-hook-3x");
        String code = code(expect(user.api().post("/api/v1/me/telegram/link", null), 201).json());
        long chat = chat();
        String update = FakeTelegram.startMessage(chat, code).put("update_id", updateId()).toString();

        for (int i = 0; i < 3; i++) {
            assertThat(webhook(update, properties.effectiveWebhookSecret())).isEqualTo(200);
        }

        assertThat(links.find(UserId.of(user.id())).orElseThrow().chatId()).isEqualTo(chat);
        // handled again, the used code would have made the bot answer "expired or was already used"
        assertThat(FAKE.messagesTo(chat)).singleElement()
                .satisfies(m -> assertThat(m.path("text").asString()).contains("now linked"));
    }

    /** Update ids are unique per bot; these stay clear of the fake's own counter and of earlier runs. */
    private static long updateId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    @Test
    void theSenderSendsEscapedTextWithButtonsToTheLinkedChat() throws Exception {
        UserId user = linkedUser("tg-send", chat());
        String address = sender.addressOf(user).orElseThrow();
        UUID delivery = UUID.randomUUID();

        String reference = sender.send(new OutgoingMessage(delivery, user, address, "alert.fired", "Spend <high>",
                "Campaign \"A & B\" spent 120.00 EUR", null, "/workspaces/x/alerts",
                List.of(new NotificationAction("Open", "open", "/workspaces/x/alerts"),
                        new NotificationAction("Acknowledge", "ack", "0b7c1d3e-0000-4000-8000-000000000001"))));

        JsonNode sent = FAKE.messagesTo(Long.parseLong(address)).get(0);
        assertThat(reference).startsWith(address + ":");
        assertThat(sent.path("text").asString()).isEqualTo(
                "<b>Spend &lt;high&gt;</b>\nCampaign &quot;A &amp; B&quot; spent 120.00 EUR");
        // no public https base URL in tests: Telegram would refuse a localhost link, so there is no Open button
        assertThat(sent.path("reply_markup").path("inline_keyboard").get(0)).singleElement()
                .satisfies(b -> assertThat(b.path("callback_data").asString())
                        .isEqualTo("ack:0b7c1d3e-0000-4000-8000-000000000001"));
    }

    @Test
    void aRateLimitIsARetryableFailureWithTelegramsWait() throws Exception {
        long chat = chat();
        UserId user = linkedUser("tg-429", chat);
        FAKE.rateLimitNext(chat, 7);

        DeliveryFailure failure = sendFails(user, chat);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sender.addressOf(user)).isPresent();
    }

    @Test
    void aBlockedBotDisablesTheLinkAndTheUserIsToldByEmail() throws Exception {
        long chat = chat();
        Tenants.User account = tenants().verifiedUser("tg-403");
        UserId user = UserId.of(account.id());
        Instant now = Instant.now();
        assertThat(links.consume(links.newCode(user, now, now.plusSeconds(600)), chat, now)).contains(user);
        FAKE.blockedBy(chat);

        DeliveryFailure failure = sendFails(user, chat);
        assertThat(failure.retryable()).isFalse();
        assertThat(sender.addressOf(user)).isEmpty();
        assertThat(links.find(user).orElseThrow().active()).isFalse();
        assertThat(notifications.requests()).filteredOn(r -> r.recipient().equals(user)).singleElement()
                .satisfies(r -> {
                    assertThat(r.channels()).containsExactly(Channel.EMAIL);
                    assertThat(r.eventType()).isEqualTo("telegram.disabled");
                });
        // the e-mail itself reaches the user's verified address through the outbox
        assertThat(Mailbox.latestTo((DevMailbox) mailer, account.email(), "Telegram notifications are off").text())
                .contains("Link Telegram again");
    }

    /** Telegram reports the block itself (my_chat_member → kicked): the link is disabled before any send fails. */
    @Test
    void aBlockReportedByTelegramDisablesTheLink() throws Exception {
        long chat = chat();
        UserId user = linkedUser("tg-kicked", chat);
        tools.jackson.databind.node.ObjectNode update = tools.jackson.databind.json.JsonMapper.builder().build()
                .createObjectNode();
        var member = update.putObject("my_chat_member");
        member.putObject("chat").put("id", chat).put("type", "private");
        member.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Ada");
        member.put("date", 1_764_065_730L);
        member.putObject("old_chat_member").put("status", "member");
        member.putObject("new_chat_member").put("status", "kicked");
        FAKE.enqueueUpdate(update);

        polling.pollOnce(Duration.ZERO);

        assertThat(links.find(user).orElseThrow().active()).isFalse();
        assertThat(sender.addressOf(user)).isEmpty();
    }

    private DeliveryFailure sendFails(UserId user, long chat) {
        try {
            sender.send(new OutgoingMessage(UUID.randomUUID(), user, Long.toString(chat), "alert.fired", "Subject",
                    "Body", null, null, List.of()));
        } catch (DeliveryFailure failure) {
            return failure;
        }
        throw new AssertionError("The send did not fail");
    }

    private UserId linkedUser(String prefix, long chat) {
        UserId user = UserId.of(tenants().verifiedUser(prefix).id());
        Instant now = Instant.now();
        assertThat(links.consume(links.newCode(user, now, now.plusSeconds(600)), chat, now)).contains(user);
        return user;
    }

    private int webhook(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/webhooks/telegram")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
