package com.tttools.app.reporting.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.tttools.app.reporting.ReportEvents.ReportDataStale;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds workspaces whose report sync has not succeeded for {@code stale-after} and publishes
 * {@link ReportDataStale} once per stale stretch (the row is marked as told in the same transaction; the next
 * successful sync clears the mark). Only workspaces that synced at least once are looked at.
 */
@Component
public class StaleReportData {

    static final String TASK = "reporting-stale-check";
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReportingProperties properties;

    StaleReportData(JdbcClient jdbc, ApplicationEventPublisher events, ReportingProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    record Stale(UUID workspaceId, Instant lastSuccessAt) {
    }

    /** Returns how many workspaces were found stale now. */
    @Transactional
    public int check(Instant now) {
        List<Stale> stale = jdbc.sql("""
                        UPDATE report_sync_state SET stale_notified_at = :now
                        WHERE workspace_id IN (SELECT workspace_id FROM report_sync_state
                                               WHERE stale_notified_at IS NULL AND last_success_at < :limit
                                               ORDER BY last_success_at LIMIT 500 FOR UPDATE SKIP LOCKED)
                        RETURNING workspace_id, last_success_at
                        """)
                .param("now", Timestamp.from(now)).param("limit", Timestamp.from(now.minus(properties.staleAfter())))
                .query((rs, i) -> new Stale(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
        stale.forEach(s -> events.publishEvent(new ReportDataStale(new WorkspaceId(s.workspaceId()), s.lastSuccessAt(),
                properties.staleAfter(), now)));
        return stale.size();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> reportingStaleCheck(StaleReportData check, Clock clock) {
            return Tasks.recurring(TASK, FixedDelay.ofMinutes(15)).execute((instance, context) -> check.check(clock.instant()));
        }
    }
}
