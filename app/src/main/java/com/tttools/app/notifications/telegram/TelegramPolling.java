package com.tttools.app.notifications.telegram;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.tttools.app.notifications.webhooks.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Updates by long polling (the default) or by webhook ({@code TELEGRAM_WEBHOOK_URL}); Telegram allows only one of
 * the two, so start-up sets or deletes the webhook accordingly. The poll is a db-scheduler task, so one node polls;
 * the offset lives in the database, so a restart neither loses nor repeats confirmed updates. Every tick also
 * purges expired link codes and expired provider webhook event ids ({@link WebhookEvents#purgeExpired}).
 */
@Configuration(proxyBeanMethods = false)
public class TelegramPolling {

    static final String TASK = "telegram-updates";
    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private final TelegramProperties properties;
    private final TelegramBotApi bot;
    private final TelegramUpdates updates;
    private final JdbcClient jdbc;

    TelegramPolling(TelegramProperties properties, TelegramBotApi bot, TelegramUpdates updates, JdbcClient jdbc) {
        this.properties = properties;
        this.bot = bot;
        this.updates = updates;
        this.jdbc = jdbc;
    }

    @Bean
    RecurringTask<Void> telegramUpdatesTask(TelegramLinks links, WebhookEvents webhookEvents, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.ofSeconds(1)).execute((instance, context) -> {
            // The module's housekeeping rides on this one-node tick: expired link codes and webhook event ids
            // (one indexed statement each, usually deleting nothing) go without a schedule of their own.
            links.purgeCodes(clock.instant());
            webhookEvents.purgeExpired(clock.instant());
            if (properties.polling() && properties.configured() && !properties.webhookMode()) {
                try {
                    pollOnce(properties.pollTimeout());
                } catch (TelegramApiException e) {
                    log.warn("Telegram getUpdates failed: {}", e.getMessage());
                }
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void chooseUpdateMode() {
        if (!properties.configured()) {
            return;
        }
        try {
            if (properties.webhookMode()) {
                bot.setWebhook(properties.webhookUrl(), properties.effectiveWebhookSecret());
            } else if (properties.polling()) {
                bot.deleteWebhook();
            }
        } catch (TelegramApiException e) {
            log.warn("Could not set Telegram's update mode: {}", e.getMessage());
        }
    }

    /** One {@code getUpdates} call: handles what came and confirms it; returns how many updates there were. */
    public int pollOnce(Duration timeout) throws TelegramApiException {
        long offset = jdbc.sql("SELECT next_offset FROM telegram_poll_state").query(Long.class).optional().orElse(0L);
        List<JsonNode> batch = bot.getUpdates(offset, timeout);
        long next = offset;
        for (JsonNode update : batch) {
            long id = update.path("update_id").asLong();
            if (id < offset) {
                continue;
            }
            updates.handle(update);
            next = Math.max(next, id + 1);
            storeOffset(next);   // after each update: a crash repeats at most the one being handled
        }
        return batch.size();
    }

    private void storeOffset(long next) {
        jdbc.sql("""
                        INSERT INTO telegram_poll_state (singleton, next_offset) VALUES (TRUE, :next)
                        ON CONFLICT (singleton) DO UPDATE SET next_offset = EXCLUDED.next_offset
                        """)
                .param("next", next).update();
    }
}
