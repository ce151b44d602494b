package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.AssetSyncFailed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes {@link AssetSyncFailed} in its own transaction, so the event registry records it for listeners. */
@Component
class AssetSyncFailures {

    private final ApplicationEventPublisher events;

    AssetSyncFailures(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void publish(AssetSyncFailed failed) {
        events.publishEvent(failed);
    }
}
