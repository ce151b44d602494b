package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportEvents.ReportSyncFinished;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes {@link ReportSyncFinished} in its own transaction, so the event registry records it for listeners. */
@Component
class SyncFinishedPublisher {

    private final ApplicationEventPublisher events;

    SyncFinishedPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void publish(WorkspaceId workspaceId, UUID connectionId, Instant at) {
        events.publishEvent(new ReportSyncFinished(workspaceId, connectionId, at));
    }
}
