package com.tttools.app.jobs.internal;

import com.tttools.app.jobs.JobType;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JobService implements Jobs {

    static final int MAX_LIMIT = 500;
    /** How long an {@code Idempotency-Key} names its job (docs/jobs.md). */
    static final java.time.Duration IDEMPOTENCY_WINDOW = java.time.Duration.ofHours(24);

    private final JobRepository jobs;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final JobExecutor executor;
    private final JobHandlers handlers;
    private final JobPayloads payloads;
    private final JobsProperties properties;
    private final Clock clock;

    JobService(JobRepository jobs, ObjectProvider<SchedulerClient> scheduler, JobExecutor executor,
            JobHandlers handlers, JobPayloads payloads, JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.executor = executor;
        this.handlers = handlers;
        this.payloads = payloads;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The job row and its scheduled execution are written in the caller's transaction (the scheduler's data
     * source is transaction-aware), so a job is never run before it is committed, nor left without a row. The id
     * of the request being served (or of the request behind the job that submits this one) goes into the row, and
     * from there into the log lines of every run, on whichever node.
     */
    @Override
    @Transactional
    public <P extends Record> JobView submit(JobRequest<P> request) {
        handlers.requireHandled(request.type());
        Instant now = clock.instant();
        String payload = payloads.write(request.payload());
        if (request.idempotencyKey() != null) {
            // a key is remembered for 24 hours: after that its reuse starts a new job (the purge clears old keys)
            jobs.forgetIdempotencyKey(request.workspaceId(), request.idempotencyKey(), now.minus(IDEMPOTENCY_WINDOW));
            Optional<JobView> earlier = jobs.findByIdempotencyKey(request.workspaceId(), request.idempotencyKey());
            if (earlier.isPresent()) {
                return sameRequest(request, payload, earlier.get());
            }
        }
        JobId id = JobId.random();
        // the conflicting active job may finish between our refused insert and the look-up: then insert again
        for (int attempt = 1; !jobs.insert(id, request, payload, properties.maxAttempts(),
                JobExecutor.currentRequestId(), now); attempt++) {
            Optional<JobView> byKey = Optional.ofNullable(request.idempotencyKey())
                    .flatMap(key -> jobs.findByIdempotencyKey(request.workspaceId(), key));
            if (byKey.isPresent()) {
                return sameRequest(request, payload, byKey.get()); // the same key submitted concurrently: one job
            }
            Optional<JobView> active = Optional.ofNullable(request.concurrencyKey())
                    .flatMap(key -> jobs.findActiveByConcurrencyKey(request.workspaceId(), key));
            if (active.isPresent()) {
                return active.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("Job not inserted and no conflicting job found");
            }
        }
        scheduler.getObject().scheduleIfNotExists(executor.task().instance(id.toString(),
                JobExecutor.data(request.workspaceId(), id)), now);
        return jobs.find(request.workspaceId(), id).orElseThrow();
    }

    /** The job an idempotency key already names, if it was asked for with the same type and payload; else 422. */
    private JobView sameRequest(JobRequest<?> request, String payload, JobView earlier) {
        if (!jobs.isSameRequest(request.workspaceId(), JobId.of(earlier.id()), request.type().name(), payload)) {
            throw new ValidationFailedException("Idempotency-Key", "was already used for a different request; use a new key");
        }
        return earlier;
    }

    @Override
    public Optional<JobView> find(WorkspaceId workspaceId, JobId jobId) {
        return jobs.find(workspaceId, jobId);
    }

    @Override
    public CursorPage<JobView> list(WorkspaceId workspaceId, JobFilter filter, int limit, String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationFailedException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        List<JobView> page = jobs.list(workspaceId, filter, limit + 1, after);
        if (page.size() <= limit) {
            return new CursorPage<>(page, null);
        }
        JobView last = page.get(limit - 1);
        return new CursorPage<>(page.subList(0, limit), new Cursor(last.createdAt(), last.jobId()).encode());
    }

    @Override
    @Transactional
    public boolean cancel(WorkspaceId workspaceId, JobId jobId) {
        Optional<JobStatus> before = jobs.requestCancel(workspaceId, jobId, clock.instant());
        before.filter(s -> s == JobStatus.QUEUED).ifPresent(s -> executor.unschedule(scheduler.getObject(), jobId));
        return before.isPresent();
    }

    @Override
    @Transactional
    public int cancelUnfinished(WorkspaceId workspaceId, String concurrencyKey) {
        int cancelled = 0;
        for (JobId id : jobs.unfinishedByConcurrencyKey(workspaceId, concurrencyKey)) {
            if (cancel(workspaceId, id)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public List<JobType<?>> types() {
        return handlers.types();
    }

    @Override
    public Optional<JobView> latest(WorkspaceId workspaceId, String concurrencyKey) {
        return jobs.latestByConcurrencyKey(workspaceId, concurrencyKey);
    }

    @Override
    public boolean hasUnfinished(WorkspaceId workspaceId, String concurrencyKey) {
        return !jobs.unfinishedByConcurrencyKey(workspaceId, concurrencyKey).isEmpty();
    }

}
