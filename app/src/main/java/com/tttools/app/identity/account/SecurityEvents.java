package com.tttools.app.identity.account;

import com.tttools.app.platform.web.CurrentRequest;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes security events with the current request's IP, user agent and request id. Each publication
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

    @Transactional(propagation = Propagation.REQUIRED)
    public void publish(String type, UserId userId, String email, Map<String, String> details) {
        events.publishEvent(new SecurityEventOccurred(type, userId, email, CurrentRequest.metadata(), details,
                clock.instant()));
    }
}
