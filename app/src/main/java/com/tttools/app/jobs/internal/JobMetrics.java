package com.tttools.app.jobs.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Job meters (docs/operations.md, Metrics): {@code tttools_jobs{status="queued"|"running"}} counts the rows of every
 * workspace in those states (one grouped count, cached for a few seconds, so scrapes from several Prometheus
 * servers or frequent scrapes cost one query), and {@code tttools_jobs_runs_seconds{type,outcome}} times every
 * attempt this node ran, by outcome (succeeded, failed, retry, cancelled): its count by outcome is the rate of
 * failures.
 */
@Component
class JobMetrics {

    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private Map<String, Long> counts = Map.of();
    private long countedAt = System.nanoTime() - CACHE_NANOS - 1;

    JobMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        for (String status : new String[] {"QUEUED", "RUNNING"}) {
            Gauge.builder("tttools.jobs", this, metrics -> metrics.count(status))
                    .description("Jobs of all workspaces in this state")
                    .tag("status", status.toLowerCase()).register(registry);
        }
    }

    void attemptFinished(String type, String outcome, long nanos) {
        Timer.builder("tttools.jobs.runs").description("Job attempts run on this node, by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    private synchronized double count(String status) {
        if (System.nanoTime() - countedAt > CACHE_NANOS) {
            // across workspaces by design: an operator's view of the queue
            counts = jdbc.sql("SELECT status, count(*) AS n FROM jobs WHERE status IN ('QUEUED', 'RUNNING') GROUP BY status")
                    .query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(status, 0L);
    }
}
