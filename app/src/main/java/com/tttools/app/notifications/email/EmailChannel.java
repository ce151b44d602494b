package com.tttools.app.notifications.email;

import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.ChannelSender;
import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.notifications.outbox.ProviderReporting;
import com.tttools.app.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel: the configured providers in the order Resend, Postmark, SMTP. A provider that fails (down,
 * rate limited, misconfigured) hands the message to the next; a recipient one provider rejects is rejected by all.
 * When every provider failed and any of them may recover, the outbox retries (after the shortest wait they asked
 * for). Notifications go to verified addresses only; transactional mail carries its own address.
 */
public class EmailChannel implements ChannelSender, ProviderReporting {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final List<EmailProvider> providers;
    private final UserAccounts users;

    EmailChannel(List<EmailProvider> providers, UserAccounts users) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("no e-mail provider");
        }
        this.providers = List.copyOf(providers);
        this.users = users;
    }

    /** The providers' names in the order they are tried. */
    public List<String> providers() {
        return providers.stream().map(EmailProvider::name).toList();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Optional<String> addressOf(UserId user) {
        return users.find(user).filter(UserSummary::emailVerified).map(UserSummary::email);
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        return sendReporting(message).messageId();
    }

    @Override
    public Sent sendReporting(OutgoingMessage message) throws DeliveryFailure {
        DeliveryFailure last = null;
        boolean anyRetryable = false;
        Duration shortestWait = null;
        for (EmailProvider provider : providers) {
            try {
                return new Sent(provider.name(), provider.send(message));
            } catch (RecipientRejected rejected) {
                throw rejected;
            } catch (DeliveryFailure failure) {
                if (providers.size() > 1) {
                    log.info("Delivery {}: {} failed ({}), trying the next provider", message.deliveryId(),
                            provider.name(), failure.getMessage());
                }
                last = failure;
                if (failure.retryable()) {
                    anyRetryable = true;
                    if (failure.retryAfter() != null
                            && (shortestWait == null || failure.retryAfter().compareTo(shortestWait) < 0)) {
                        shortestWait = failure.retryAfter();
                    }
                }
            }
        }
        if (providers.size() == 1) {
            throw last;
        }
        throw new DeliveryFailure(last.getMessage(), anyRetryable, shortestWait);
    }
}
