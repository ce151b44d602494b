package com.tttools.app.notifications.outbox;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that sends one delivery ({@code notification-delivery}, instance id = delivery id). A
 * retryable failure ends the execution with {@link DeliveryWorker.RetryLater}, and the failure handler reschedules
 * it for the time the worker chose (backoff or the provider's Retry-After). An execution whose node died mid-send is
 * revived by db-scheduler and sends again under the same idempotency key.
 *
 * <p>Not a {@code jobs} job: deliveries are not user-visible workspace jobs, have no progress and need a per-failure
 * retry time, which a plain one-time task with its own failure handler gives directly.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTask {

    static final String NAME = "notification-delivery";

    private final OneTimeTask<String> task;

    DeliveryTask(DeliveryWorker worker) {
        this.task = Tasks.oneTime(NAME, String.class)
                .onFailure(new RescheduleAsChosen())
                .onDeadExecutionRevive()
                .execute((instance, context) -> worker.attempt(UUID.fromString(instance.getData())));
    }

    @Bean
    OneTimeTask<String> notificationDeliveryTask() {
        return task;
    }

    TaskInstance<String> instance(UUID deliveryId) {
        return task.instance(deliveryId.toString(), deliveryId.toString());
    }

    private static final class RescheduleAsChosen implements FailureHandler<String> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
            Instant next = complete.getCause()
                    .filter(DeliveryWorker.RetryLater.class::isInstance)
                    .map(cause -> ((DeliveryWorker.RetryLater) cause).next())
                    // an unexpected failure of the worker itself (database down): try again in a minute
                    .orElse(complete.getTimeDone().plusSeconds(60));
            operations.reschedule(complete, next);
        }
    }
}
