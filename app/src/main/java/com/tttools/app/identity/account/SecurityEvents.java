package com.tttools.app.identity.account;

import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes security events with the IP, user agent and request id of the request that caused them. Each publication
 * joins the caller's transaction, or opens one: the audit module listens transactionally.
 */
@Component
public class SecurityEvents {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SecurityEvents(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * {@code request}: the metadata a controller received as an argument (or a filter built with
     * {@code HttpRequestMetadata.of}), passed down; {@link RequestMetadata#none()} from jobs.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void publish(String type, UserId userId, String email, Map<String, String> details,
            RequestMetadata request) {
        events.publishEvent(new SecurityEventOccurred(type, userId, email, request, details, clock.instant()));
    }
}
