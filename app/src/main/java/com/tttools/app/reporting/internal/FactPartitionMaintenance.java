package com.tttools.app.reporting.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The daily care of the facts' monthly partitions: creates those of the last month, this one and the next
 * {@value #MONTHS_AHEAD} ahead (a backfill of older months gets its partitions from the writer), and checks that the
 * default partition is empty. A row there means a day no partition covered: it is logged as an error and counted in
 * the gauge {@code tttools.reporting.facts.default.rows} (0 in normal operation; the rows stay readable, and
 * docs/reporting.md, "Facts by month", says how to move them).
 */
@Component
public class FactPartitionMaintenance {

    static final String TASK = "reporting-fact-partitions";
    static final int MONTHS_AHEAD = 3;
    /** How many default-partition rows a check counts at most (enough to tell "some" from "many"). */
    static final int COUNT_LIMIT = 100_000;
    private static final Logger log = LoggerFactory.getLogger(FactPartitionMaintenance.class);

    private final FactPartitions partitions;
    private final AtomicLong defaultRows = new AtomicLong();

    FactPartitionMaintenance(FactPartitions partitions, MeterRegistry meters) {
        this.partitions = partitions;
        Gauge.builder("tttools.reporting.facts.default.rows", defaultRows, AtomicLong::get)
                .description("Report fact rows in the default partition at the last check (0 in normal operation)")
                .register(meters);
    }

    /** What one run did: the months whose partitions it created, the default partition's rows by month. */
    public record Result(List<YearMonth> created, List<FactPartitions.Stray> defaultRows) {

        public long defaultRowCount() {
            return defaultRows.stream().mapToLong(FactPartitions.Stray::rows).sum();
        }
    }

    public Result run(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        List<YearMonth> created = partitions.ensure(
                Stream.iterate(month.minusMonths(1), m -> m.plusMonths(1)).limit(MONTHS_AHEAD + 2).toList());
        List<FactPartitions.Stray> strays = partitions.defaultRows(COUNT_LIMIT);
        Result result = new Result(created, strays);
        defaultRows.set(result.defaultRowCount());
        if (!created.isEmpty()) {
            log.info("Created the report facts partitions of {}", created);
        }
        if (!strays.isEmpty()) {
            log.error("The default partition of report_daily_facts holds {} rows (by month: {}): no partition covered"
                    + " their days", result.defaultRowCount(), strays);
        }
        return result;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> reportingFactPartitions(FactPartitionMaintenance maintenance, Clock clock) {
            return Tasks.recurring(TASK, Schedules.daily(LocalTime.of(3, 45)))
                    .execute((instance, context) -> maintenance.run(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
    }
}
