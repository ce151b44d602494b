package com.tttools.app.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler over PostgreSQL for the whole application: every {@link Task} bean of any module is
 * registered; recurring ones are scheduled at start-up. Several nodes share the {@code scheduled_tasks}
 * table and each execution runs on exactly one of them (SELECT ... FOR UPDATE SKIP LOCKED).
 * <p>
 * Wired by hand rather than through db-scheduler's Boot starter, whose auto-configuration targets Boot 3.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        // Recurring tasks go only to startTasks(): db-scheduler registers those itself, and naming a task in both
        // places fails with "Duplicate key".
        List<Task<?>> startupTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> otherTasks = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        // Transaction-aware: scheduling from a @Transactional method commits or rolls back with it.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(asStartupTasks(startupTasks))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                // Task owners log their failures with context (jobs: JobExecutor); no stack trace per retry here.
                .failureLogging(LogLevel.INFO, false)
                .build();
    }

    /**
     * Starts polling once the context is up and stops the scheduler before the data source closes. A stopped context
     * may be started again (the test context cache stops idle contexts and restarts them when a test needs them
     * again), and a db-scheduler that was stopped cannot start again: so a lifecycle stop only pauses polling, a
     * later start resumes it, and the scheduler stops for good when the context closes.
     */
    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        return new SchedulerLifecycle(scheduler, properties.enabled());
    }

    static final class SchedulerLifecycle implements SmartLifecycle, DisposableBean {

        private final Scheduler scheduler;
        private final boolean enabled;
        private volatile boolean started;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @Override
        public synchronized void start() {
            if (enabled && !started) {
                scheduler.start();
                started = true;
            } else if (enabled) {
                scheduler.resume();
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            if (started) {
                scheduler.pause();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public synchronized void destroy() {
            if (started) {
                scheduler.stop();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List asStartupTasks(List<Task<?>> tasks) {
        return tasks;
    }
}
