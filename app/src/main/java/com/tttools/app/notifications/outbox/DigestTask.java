package com.tttools.app.notifications.outbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.platform.mail.MailTemplates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digests: notifications a user chose to get as a summary wait (in the app they show at once) until the oldest is a
 * period old; then one e-mail lists them all and they are marked digested, in one transaction with the queued mail.
 * Checked every {@code digest-check} by a recurring task.
 */
@Configuration(proxyBeanMethods = false)
public class DigestTask {

    private final NotificationRepository notifications;
    private final UserAccounts users;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final PlatformProperties platform;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DigestTask(NotificationRepository notifications, UserAccounts users, MailTemplates templates, MailOutbox outbox,
            PlatformProperties platform, TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.templates = templates;
        this.outbox = outbox;
        this.platform = platform;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> notificationDigestTask(NotificationsProperties properties) {
        return Tasks.recurring("notification-digests", Schedules.fixedDelay(properties.digestCheck()))
                .execute((instance, context) -> sendDue(clock.instant()));
    }

    /** Queues every digest that is due at {@code now}; returns how many were queued. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (Digest digest : List.of(Digest.HOURLY, Digest.DAILY)) {
            for (var user : notifications.digestsDue(digest, now.minus(digest.period()))) {
                Integer one = transactions.execute(status -> {
                    List<NotificationRepository.StoredNotification> items = notifications.takeDigest(user, digest, now);
                    Optional<UserSummary> account = users.find(user).filter(UserSummary::emailVerified);
                    if (items.isEmpty() || account.isEmpty()) {
                        return 0;
                    }
                    String base = platform.baseUrl().toString().replaceAll("/+$", "");
                    Map<String, Object> model = new HashMap<>();
                    model.put("name", account.get().name());
                    model.put("period", digest == Digest.HOURLY ? "hourly" : "daily");
                    model.put("items", items.stream().map(n -> new HashMap<>(Map.of("title", n.title(),
                            "body", n.body(), "link", n.link() == null ? "" : base + n.link()))).toList());
                    model.put("preferencesLink", base + "/account/notifications");
                    String subject = "Your " + model.get("period") + " TTtools summary (" + items.size() + ")";
                    outbox.queue("digest", templates.render("digest", account.get().email(), subject, model), user);
                    return 1;
                });
                sent += one == null ? 0 : one;
            }
        }
        return sent;
    }
}
