package com.tttools.app.jobs.internal;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code jobs}. Every read and every user-triggered write is scoped by workspace. */
@Repository
class JobRepository {

    private static final String COLUMNS = """
            id, workspace_id, type, status, progress_done, progress_total, attempts, last_error, created_by,
            created_at, started_at, finished_at, messages::text AS messages
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_MESSAGES = 50;

    /** The runner's view of a job row; {@code requestId} is the submitting request's, null for system jobs. */
    record RunState(JobId id, WorkspaceId workspaceId, String type, JobStatus status, String payload, String checkpoint,
            int attempts, int maxAttempts, boolean cancelRequested, String requestId) {
    }

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless an unfinished job holds the concurrency key or the idempotency key was used: then empty. */
    boolean insert(JobId id, JobRequest<?> request, String payloadJson, int maxAttempts, String requestId, Instant now) {
        return jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, type, status, payload, max_attempts, concurrency_key,
                                          idempotency_key, created_by, request_id, created_at, updated_at)
                        VALUES (:id, :ws, :type, 'QUEUED', CAST(:payload AS jsonb), :max, :ckey, :ikey, :by, :request,
                                :now, :now)
                        ON CONFLICT DO NOTHING""")
                .param("id", id.value()).param("ws", request.workspaceId().value()).param("type", request.type().name())
                .param("payload", payloadJson)
                .param("max", maxAttempts).param("ckey", request.concurrencyKey())
                .param("ikey", request.idempotencyKey())
                .param("by", request.createdBy() == null ? null : request.createdBy().value())
                .param("request", requestId)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<JobView> findActiveByConcurrencyKey(WorkspaceId ws, String key) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM jobs WHERE workspace_id = :ws AND concurrency_key = :key AND status IN ('QUEUED', 'RUNNING')""")
                .param("ws", ws.value()).param("key", key).query(JobRepository::view).optional();
    }

    Optional<JobView> latestByConcurrencyKey(WorkspaceId ws, String key) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM jobs WHERE workspace_id = :ws AND concurrency_key = :key ORDER BY created_at DESC LIMIT 1""")
                .param("ws", ws.value()).param("key", key).query(JobRepository::view).optional();
    }

    List<JobId> unfinishedByConcurrencyKey(WorkspaceId ws, String key) {
        return jdbc.sql("""
                        SELECT id FROM jobs
                        WHERE workspace_id = :ws AND concurrency_key = :key AND status IN ('QUEUED', 'RUNNING')""")
                .param("ws", ws.value()).param("key", key).query((rs, i) -> new JobId(rs.getObject("id", UUID.class))).list();
    }

    /** Clears the key of the workspace's job created before {@code before}, so that the key may name a new job. */
    int forgetIdempotencyKey(WorkspaceId ws, String key, Instant before) {
        return jdbc.sql("""
                        UPDATE jobs SET idempotency_key = NULL
                        WHERE workspace_id = :ws AND idempotency_key = :key AND created_at < :before""")
                .param("ws", ws.value()).param("key", key).param("before", Timestamp.from(before)).update();
    }

    /** Clears every idempotency key older than {@code before} (the recurring purge); returns how many. */
    int forgetIdempotencyKeys(Instant before, int batch) {
        return jdbc.sql("""
                        UPDATE jobs SET idempotency_key = NULL WHERE id IN (
                            SELECT id FROM jobs WHERE idempotency_key IS NOT NULL AND created_at < :before LIMIT :batch)""")
                .param("before", Timestamp.from(before)).param("batch", batch).update();
    }

    /** True when the job was asked for with this type and payload (jsonb equality: key order and spacing aside). */
    boolean isSameRequest(WorkspaceId ws, JobId id, String type, String payloadJson) {
        return jdbc.sql("""
                        SELECT type = :type AND payload = CAST(:payload AS jsonb) FROM jobs
                        WHERE workspace_id = :ws AND id = :id""")
                .param("ws", ws.value()).param("id", id.value()).param("type", type).param("payload", payloadJson)
                .query(Boolean.class).optional().orElse(false);
    }

    Optional<JobView> findByIdempotencyKey(WorkspaceId ws, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = :ws AND idempotency_key = :key")
                .param("ws", ws.value()).param("key", key).query(JobRepository::view).optional();
    }

    Optional<JobView> find(WorkspaceId ws, JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = :ws AND id = :id")
                .param("ws", ws.value()).param("id", id.value()).query(JobRepository::view).optional();
    }

    List<JobView> list(WorkspaceId ws, JobFilter filter, int limit, Cursor after) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM jobs
                        WHERE workspace_id = :ws
                          AND (CAST(:type AS text) IS NULL OR type = :type)
                          AND (CAST(:status AS text) IS NULL OR status = :status)
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit""")
                .param("ws", ws.value()).param("type", filter.type())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
                .param("afterId", after == null ? null : after.id().value())
                .param("limit", limit)
                .query(JobRepository::view).list();
    }

    /** Marks the start of an attempt; empty when the job is gone or already finished (nothing to run). */
    Optional<RunState> start(WorkspaceId ws, JobId id, Instant now) {
        return jdbc.sql("""
                        UPDATE jobs SET status = 'RUNNING', attempts = attempts + 1, started_at = COALESCE(started_at, :now),
                               updated_at = :now
                        WHERE workspace_id = :ws AND id = :id AND status IN ('QUEUED', 'RUNNING')
                        RETURNING id, workspace_id, type, status, payload::text AS payload, checkpoint::text AS checkpoint,
                                  attempts, max_attempts, cancel_requested, request_id""")
                .param("ws", ws.value()).param("id", id.value()).param("now", Timestamp.from(now))
                .query((rs, i) -> new RunState(new JobId(rs.getObject("id", UUID.class)),
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("type"),
                        JobStatus.valueOf(rs.getString("status")), rs.getString("payload"), rs.getString("checkpoint"),
                        rs.getInt("attempts"), rs.getInt("max_attempts"), rs.getBoolean("cancel_requested"),
                        rs.getString("request_id")))
                .optional();
    }

    void finish(WorkspaceId ws, JobId id, JobStatus status, String error, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET status = :status,
                               last_error = CASE WHEN :status = 'SUCCEEDED' THEN NULL ELSE COALESCE(:error, last_error) END,
                               finished_at = :now,
                               updated_at = :now
                        WHERE workspace_id = :ws AND id = :id""")
                .param("status", status.name()).param("error", error).param("now", Timestamp.from(now))
                .param("ws", ws.value()).param("id", id.value())
                .update();
    }

    void retryLater(WorkspaceId ws, JobId id, String error, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET status = 'QUEUED', last_error = :error, updated_at = :now
                        WHERE workspace_id = :ws AND id = :id""")
                .param("error", error).param("now", Timestamp.from(now)).param("ws", ws.value()).param("id", id.value())
                .update();
    }

    void progress(WorkspaceId ws, JobId id, long done, Long total, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET progress_done = :done, progress_total = :total, updated_at = :now
                        WHERE workspace_id = :ws AND id = :id""")
                .param("done", done).param("total", total).param("now", Timestamp.from(now))
                .param("ws", ws.value()).param("id", id.value()).update();
    }

    /** Appends a note unless the job has it already or holds {@link #MAX_MESSAGES}. */
    void message(WorkspaceId ws, JobId id, String text, Instant now) {
        String clean = StorableValues.sanitize(text);
        String line = clean.length() > 500 ? clean.substring(0, 500) + "..." : clean;
        jdbc.sql("""
                        UPDATE jobs SET messages = messages || jsonb_build_array(CAST(:text AS text)), updated_at = :now
                        WHERE workspace_id = :ws AND id = :id AND NOT jsonb_exists(messages, :text)
                          AND jsonb_array_length(messages) < :max""")
                .param("text", line).param("now", Timestamp.from(now)).param("ws", ws.value()).param("id", id.value())
                .param("max", MAX_MESSAGES)
                .update();
    }

    void checkpoint(WorkspaceId ws, JobId id, String json, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET checkpoint = CAST(:json AS jsonb), updated_at = :now
                        WHERE workspace_id = :ws AND id = :id""")
                .param("json", json).param("now", Timestamp.from(now)).param("ws", ws.value()).param("id", id.value())
                .update();
    }

    boolean cancelRequested(WorkspaceId ws, JobId id) {
        return jdbc.sql("SELECT cancel_requested FROM jobs WHERE workspace_id = :ws AND id = :id")
                .param("ws", ws.value()).param("id", id.value())
                .query(Boolean.class).optional().orElse(true);
    }

    /**
     * The workspace of a job, for an execution scheduled before the task's data carried it (see JobExecutor):
     * the one read of a job by its id alone.
     */
    Optional<WorkspaceId> workspaceOf(JobId id) {
        return jdbc.sql("SELECT workspace_id FROM jobs WHERE id = :id").param("id", id.value()).query(UUID.class).optional()
                .map(WorkspaceId::new);
    }

    /** Cancels a queued job outright; asks a running one to stop. Returns the status before. */
    Optional<JobStatus> requestCancel(WorkspaceId ws, JobId id, Instant now) {
        return jdbc.sql("""
                        UPDATE jobs j SET cancel_requested = TRUE,
                               status = CASE WHEN j.status = 'QUEUED' THEN 'CANCELLED' ELSE j.status END,
                               finished_at = CASE WHEN j.status = 'QUEUED' THEN :now ELSE j.finished_at END,
                               updated_at = :now
                        FROM (SELECT id, status FROM jobs WHERE id = :id AND workspace_id = :ws FOR UPDATE) before
                        WHERE j.id = before.id AND before.status IN ('QUEUED', 'RUNNING')
                        RETURNING before.status""")
                .param("ws", ws.value()).param("id", id.value()).param("now", Timestamp.from(now))
                .query((rs, i) -> JobStatus.valueOf(rs.getString(1))).optional();
    }

    private static JobView view(ResultSet rs, int row) throws SQLException {
        UUID createdBy = rs.getObject("created_by", UUID.class);
        long total = rs.getLong("progress_total");
        return new JobView(rs.getObject("id", UUID.class).toString(), rs.getObject("workspace_id", UUID.class).toString(),
                rs.getString("type"), JobStatus.valueOf(rs.getString("status")),
                new JobView.Progress(rs.getLong("progress_done"), rs.wasNull() ? null : total),
                rs.getInt("attempts"), rs.getString("last_error"), createdBy == null ? null : createdBy.toString(),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                List.of(JSON.readValue(rs.getString("messages"), String[].class)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
