package com.tttools.app.jobs.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.tttools.app.jobs.JobCancelledException;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs user-visible jobs as one db-scheduler task ({@code user-job}, instance id = job id, data =
 * {@code <workspace id>/<job id>}: every statement of a run names the job's workspace, the key Citus routes by). db-scheduler gives
 * persistence, one executor per execution across nodes, revival of executions whose node died, and the retry
 * delays (its exponential backoff: attempt n waits {@code firstRetryDelay × 2^(n-1)}); this class keeps the job row
 * in step. The row decides when attempts are used up ({@code attempts >= max_attempts}: FAILED, no retry).
 */
@Configuration(proxyBeanMethods = false)
class JobExecutor {

    static final String TASK = "user-job";
    /** MDC keys: the job's id, and the submitting request's id under the key platform.web's RequestIdFilter uses. */
    static final String JOB_ID_MDC_KEY = "jobId";
    static final String REQUEST_ID_MDC_KEY = "requestId";
    /** The jobs.request_id column's width; RequestIdFilter accepts ids of at most 64 characters. */
    private static final int MAX_REQUEST_ID = 64;
    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);
    private static final int MAX_ERROR = 2000;

    private final JobRepository jobs;
    private final JobHandlers handlers;
    private final JobPayloads payloads;
    private final Clock clock;
    private final OneTimeTask<String> task;
    private final JobMetrics metrics;

    JobExecutor(JobRepository jobs, JobHandlers handlers, JobPayloads payloads, JobsProperties properties,
            Clock clock, JobMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.handlers = handlers;
        this.payloads = payloads;
        this.clock = clock;
        // The row stops retries first; the bound only matters for rows queued with more attempts than now allowed.
        this.task = Tasks.oneTime(TASK, String.class)
                .onFailure(new MaxRetriesFailureHandler<>(properties.maxAttempts(),
                        new ExponentialBackoffFailureHandler<>(properties.firstRetryDelay(), 2.0),
                        (complete, operations) -> failAfterLastRetry(complete)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    TaskData data = TaskData.parse(instance.getData(), jobs);
                    if (data != null) {
                        execute(data.workspace(), data.jobId());
                    }
                });
    }

    @Bean
    OneTimeTask<String> userJobTask() {
        return task;
    }

    OneTimeTask<String> task() {
        return task;
    }

    /** The execution's data for a job. */
    static String data(WorkspaceId workspace, JobId jobId) {
        return workspace.value() + "/" + jobId;
    }

    /** A task's data read back; null when an old-format execution's job row is gone (nothing to run). */
    record TaskData(WorkspaceId workspace, JobId jobId) {
        static TaskData parse(String data, JobRepository jobs) {
            int slash = data.indexOf('/');
            if (slash < 0) {
                // scheduled before the data carried the workspace (a job queued across the upgrade)
                JobId id = JobId.of(data);
                return jobs.workspaceOf(id).map(ws -> new TaskData(ws, id)).orElse(null);
            }
            return new TaskData(WorkspaceId.of(data.substring(0, slash)), JobId.of(data.substring(slash + 1)));
        }
    }

    void unschedule(SchedulerClient scheduler, JobId jobId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, jobId.toString());
        try {
            scheduler.getScheduledExecution(id).ifPresent(e -> scheduler.cancel(id));
        } catch (TaskInstanceException pickedMeanwhile) {
            // a node picked the execution between the lookup and the cancel: the job is CANCELLED already, so its
            // start() finds nothing to run
        }
    }

    /** The id of the request this thread serves (or of the request behind the job it runs), if any. */
    static String currentRequestId() {
        String id = MDC.get(REQUEST_ID_MDC_KEY);
        return id == null || id.isBlank() || id.length() > MAX_REQUEST_ID ? null : id;
    }

    void execute(WorkspaceId workspace, JobId jobId) {
        // every log line of the job names it (ECS JSON: the jobId field), whichever node runs it
        try (MDC.MDCCloseable ignored = MDC.putCloseable(JOB_ID_MDC_KEY, jobId.toString())) {
            Optional<JobRepository.RunState> started = jobs.start(workspace, jobId, clock.instant());
            if (started.isEmpty()) {
                return;
            }
            // ... and the id of the request that submitted it (requestId), to follow a click into its background work
            String previous = MDC.get(REQUEST_ID_MDC_KEY);
            putOrRemove(started.get().requestId());
            try {
                executeLogged(jobId, started.get());
            } finally {
                putOrRemove(previous);
            }
        }
    }

    private static void putOrRemove(String requestId) {
        if (requestId == null) {
            MDC.remove(REQUEST_ID_MDC_KEY);
        } else {
            MDC.put(REQUEST_ID_MDC_KEY, requestId);
        }
    }

    private void executeLogged(JobId jobId, JobRepository.RunState state) {
        if (state.cancelRequested()) {
            jobs.finish(state.workspaceId(), jobId, JobStatus.CANCELLED, null, clock.instant());
            return;
        }
        Optional<JobHandler<?>> handler = handlers.forName(state.type());
        if (handler.isEmpty()) {
            log.warn("Job {} has type {}, which no handler runs", jobId, state.type());
            jobs.finish(state.workspaceId(), jobId, JobStatus.FAILED, "No handler for job type " + state.type(), clock.instant());
            return;
        }
        long runStarted = System.nanoTime();
        String outcome = "failed";
        try {
            run(handler.get(), state);
            jobs.finish(state.workspaceId(), jobId, JobStatus.SUCCEEDED, null, clock.instant());
            outcome = "succeeded";
        } catch (JobCancelledException e) {
            jobs.finish(state.workspaceId(), jobId, JobStatus.CANCELLED, null, clock.instant());
            outcome = "cancelled";
        } catch (JobFailedPermanently e) {
            if (finishedAsCancelled(state.workspaceId(), jobId)) {
                outcome = "cancelled";
            } else {
                jobs.finish(state.workspaceId(), jobId, JobStatus.FAILED, describe(e), clock.instant());
                failed(handler.get(), state, describe(e));
            }
        } catch (Exception e) {
            if (finishedAsCancelled(state.workspaceId(), jobId)) {
                outcome = "cancelled";
                return;
            }
            if (state.attempts() >= state.maxAttempts()) {
                log.warn("Job {} ({}) failed after {} attempts", jobId, state.type(), state.attempts(), e);
                jobs.finish(state.workspaceId(), jobId, JobStatus.FAILED, describe(e), clock.instant());
                failed(handler.get(), state, describe(e));
                return;
            }
            log.info("Job {} ({}) attempt {} failed, will retry: {}", jobId, state.type(), state.attempts(), describe(e));
            jobs.retryLater(state.workspaceId(), jobId, describe(e), clock.instant());
            outcome = "retry";
            throw new RetryableJobFailure(e);
        } finally {
            metrics.attemptFinished(state.type(), outcome, System.nanoTime() - runStarted);
        }
    }

    /** Tells the handler its job ended FAILED; its own trouble there is logged, the job stays FAILED. */
    private <P extends Record> void failed(JobHandler<P> handler, JobRepository.RunState state, String error) {
        try {
            handler.failed(state.workspaceId(), payloads.read(handler.type(), state.payload()), error, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Job {} ({}): telling its handler that it failed did not work", state.id(), state.type(), e);
        }
    }

    private <P extends Record> void run(JobHandler<P> handler, JobRepository.RunState state) throws Exception {
        P payload = payloads.read(handler.type(), state.payload());
        handler.run(new Run(state), payload);
    }

    /** db-scheduler gave up on an execution the row still counted as retryable (the attempt limit was lowered). */
    private void failAfterLastRetry(ExecutionComplete complete) {
        TaskData data = TaskData.parse((String) complete.getExecution().taskInstance.getData(), jobs);
        if (data == null) {
            return;
        }
        String error = complete.getCause().map(JobExecutor::describe).orElse("Out of attempts");
        jobs.finish(data.workspace(), data.jobId(), JobStatus.FAILED, error, clock.instant());
    }

    /**
     * A job asked to stop that fails on its way out (e.g. a sync whose connection was disconnected, its token gone)
     * ends CANCELLED, not FAILED or retried.
     */
    private boolean finishedAsCancelled(WorkspaceId workspace, JobId jobId) {
        if (!jobs.cancelRequested(workspace, jobId)) {
            return false;
        }
        jobs.finish(workspace, jobId, JobStatus.CANCELLED, null, clock.instant());
        return true;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    /** Thrown to db-scheduler so that it reschedules the execution (through its backoff failure handler). */
    static final class RetryableJobFailure extends RuntimeException {
        RetryableJobFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final class Run implements JobRun {
        private final JobRepository.RunState state;

        Run(JobRepository.RunState state) {
            this.state = state;
        }

        @Override
        public JobId jobId() {
            return state.id();
        }

        @Override
        public WorkspaceId workspaceId() {
            return state.workspaceId();
        }

        @Override
        public int attempt() {
            return state.attempts();
        }

        @Override
        public Optional<String> lastCheckpoint() {
            return Optional.ofNullable(state.checkpoint());
        }

        @Override
        public void checkpoint(String json) {
            jobs.checkpoint(state.workspaceId(), state.id(), json, clock.instant());
        }

        @Override
        public void progress(long done, Long total) {
            jobs.progress(state.workspaceId(), state.id(), done, total, clock.instant());
        }

        @Override
        public void message(String text) {
            jobs.message(state.workspaceId(), state.id(), text, clock.instant());
        }

        @Override
        public void stopIfCancelled() {
            if (jobs.cancelRequested(state.workspaceId(), state.id())) {
                throw new JobCancelledException();
            }
        }
    }
}
