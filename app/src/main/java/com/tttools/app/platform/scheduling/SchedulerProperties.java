package com.tttools.app.platform.scheduling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The db-scheduler runner shared by every module's background tasks.
 *
 * @param enabled          run tasks on this node (a web-only node may set false)
 * @param threads          tasks executing at once on this node
 * @param pollingInterval  how often due tasks are looked for
 * @param shutdownMaxWait  how long a stopping node lets running tasks finish; the rest are picked up again
 *                         by another node after their heartbeat expires
 * @param heartbeatInterval     how often a node marks its running executions alive
 * @param missedHeartbeatsLimit missed heartbeats after which an execution counts as dead (its node crashed)
 *                              and is revived on another node
 */
@Validated
@ConfigurationProperties("tttools.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") @Min(1) @Max(64) int threads,
        @DefaultValue("2s") @NotNull Duration pollingInterval,
        @DefaultValue("10s") @NotNull Duration shutdownMaxWait,
        @DefaultValue("1m") @NotNull Duration heartbeatInterval,
        @DefaultValue("6") @Min(4) @Max(100) int missedHeartbeatsLimit) {
}
