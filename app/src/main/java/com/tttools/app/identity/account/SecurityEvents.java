package com.tttools.app.identity.account;

import com.tttools.app.shared.audit.RequestMetadata;
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

    /** For callers outside identity's request-bound services (filters, handlers): reads the request of this thread. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void publish(String type, UserId userId, String email, Map<String, String> details) {
        publish(type, userId, email, details, CurrentRequest.metadata());
    }

    /** With the request's metadata passed down from the controller. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void publish(String type, UserId userId, String email, Map<String, String> details,
            RequestMetadata request) {
        events.publishEvent(new SecurityEventOccurred(type, userId, email, request, details, clock.instant()));
    }
}
