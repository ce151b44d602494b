package com.tttools.app.notifications.outbox;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace admin's retry of a delivery that failed for good (after an outage outlasted its attempts, say): the
 * delivery is queued again with fresh attempts and its send task scheduled in the same transaction, as the outbox
 * does for a new one.
 */
@Component
public class DeliveryRetry {

    private final DeliveryRepository deliveries;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final DeliveryTask task;
    private final Clock clock;

    DeliveryRetry(DeliveryRepository deliveries, ObjectProvider<SchedulerClient> scheduler, DeliveryTask task,
            Clock clock) {
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.task = task;
        this.clock = clock;
    }

    /** 404 for a delivery of another workspace (or none); 409 unless it is a FAILED notification delivery. */
    @Transactional
    public void retry(WorkspaceId workspace, UUID deliveryId) {
        DeliveryRepository.Delivery delivery = deliveries.find(workspace, deliveryId)
                .orElseThrow(() -> new NotFoundException("No such delivery in this workspace"));
        if (delivery.status() != DeliveryStatus.FAILED || delivery.notificationId() == null) {
            throw new ConflictException("Only a failed notification delivery can be retried");
        }
        Instant now = clock.instant();
        if (!deliveries.requeue(workspace, deliveryId, now)) {
            throw new ConflictException("Only a failed notification delivery can be retried");
        }
        scheduler.getObject().scheduleIfNotExists(task.instance(deliveryId), now);
    }
}
