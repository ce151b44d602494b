package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Change sets, their lines and approvals. Every method takes the workspace; rows of others are not found. */
@Repository
class ChangeSetRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeSetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored change set row. */
    record Row(UUID id, WorkspaceId workspaceId, ChangeSetStatus status, BulkAction action, BulkLevel level,
            Map<String, Object> value, UUID createdBy, String createdByEmail, Instant createdAt, Instant expiresAt,
            Instant approvedAt, Instant runAt, Map<String, Object> schedule, Instant nextRunAt, UUID revertOf,
            JobId jobId, boolean cancelRequested, boolean needsApproval, List<String> approvalReasons,
            Map<String, Object> totals, Instant startedAt, Instant finishedAt, String requestHash) {
    }

    /** One stored line. */
    record LineRow(int seq, String tiktokId, String name, String advertiserId, UUID connectionId, String currency,
            Map<String, Object> before, Map<String, Object> after, List<String> warnings, LineStatus status,
            String note, Integer errorCode, String errorMessage, String errorRequestId) {
    }

    void insert(Row r, List<LineRow> lines, String idempotencyKey) {
        jdbc.sql("""
                        INSERT INTO bulk_change_sets (id, workspace_id, status, action, level, value, created_by,
                            created_by_email, created_at, expires_at, approved_at, run_at, schedule, next_run_at, revert_of,
                            needs_approval, approval_reasons, totals, idempotency_key, request_hash)
                        VALUES (:id, :ws, :status, :action, :level, CAST(:value AS jsonb), :createdBy, :email, :createdAt,
                            :expiresAt, :approvedAt, :runAt, CAST(:schedule AS jsonb), :nextRunAt, :revertOf, :needsApproval,
                            :reasons, CAST(:totals AS jsonb), :key, :hash)""")
                .param("id", r.id()).param("ws", r.workspaceId().value()).param("status", r.status().name())
                .param("action", r.action().name()).param("level", r.level().name())
                .param("value", r.value() == null ? null : json.writeValueAsString(r.value()))
                .param("createdBy", r.createdBy()).param("email", r.createdByEmail())
                .param("createdAt", ts(r.createdAt())).param("expiresAt", ts(r.expiresAt()))
                .param("approvedAt", ts(r.approvedAt())).param("runAt", ts(r.runAt()))
                .param("schedule", r.schedule() == null ? null : json.writeValueAsString(r.schedule()))
                .param("nextRunAt", ts(r.nextRunAt())).param("revertOf", r.revertOf())
                .param("needsApproval", r.needsApproval())
                .param("reasons", r.approvalReasons().toArray(String[]::new))
                .param("totals", json.writeValueAsString(r.totals()))
                .param("key", idempotencyKey).param("hash", r.requestHash())
                .update();
        // one statement per 1,000 lines (arrays unnested), not one per line: a 1,000-line plan is one round trip
        for (int from = 0; from < lines.size(); from += 1000) {
            List<LineRow> batch = lines.subList(from, Math.min(lines.size(), from + 1000));
            jdbc.sql("""
                            INSERT INTO bulk_change_lines (change_set_id, workspace_id, seq, tiktok_id, name, advertiser_id,
                                connection_id, currency, before_value, after_value, warnings, status, note)
                            SELECT :id, :ws, t.seq, t.tiktok_id, t.name, t.advertiser_id, CAST(t.connection_id AS uuid),
                                t.currency, CAST(t.before_value AS jsonb), CAST(t.after_value AS jsonb),
                                CAST(t.warnings AS jsonb), t.status, t.note
                            FROM unnest(:seqs, :tiktokIds, :names, :advertiserIds, :connectionIds, :currencies, :befores,
                                :afters, :warnings, :statuses, :notes)
                                AS t(seq, tiktok_id, name, advertiser_id, connection_id, currency, before_value,
                                     after_value, warnings, status, note)""")
                    .param("id", r.id()).param("ws", r.workspaceId().value())
                    .param("seqs", batch.stream().map(LineRow::seq).toArray(Integer[]::new))
                    .param("tiktokIds", batch.stream().map(LineRow::tiktokId).toArray(String[]::new))
                    .param("names", batch.stream().map(LineRow::name).toArray(String[]::new))
                    .param("advertiserIds", batch.stream().map(LineRow::advertiserId).toArray(String[]::new))
                    .param("connectionIds", batch.stream().map(l -> l.connectionId().toString()).toArray(String[]::new))
                    .param("currencies", batch.stream().map(LineRow::currency).toArray(String[]::new))
                    .param("befores", batch.stream().map(l -> json.writeValueAsString(l.before())).toArray(String[]::new))
                    .param("afters", batch.stream().map(l -> json.writeValueAsString(l.after())).toArray(String[]::new))
                    .param("warnings", batch.stream().map(l -> json.writeValueAsString(l.warnings()))
                            .toArray(String[]::new))
                    .param("statuses", batch.stream().map(l -> l.status().name()).toArray(String[]::new))
                    .param("notes", batch.stream().map(LineRow::note).toArray(String[]::new))
                    .update();
        }
    }

    Optional<Row> find(WorkspaceId ws, UUID id) {
        return jdbc.sql("SELECT * FROM bulk_change_sets WHERE workspace_id = :ws AND id = :id")
                .param("ws", ws.value()).param("id", id).query(this::row).optional();
    }

    /** Locks the row for a state change in the caller's transaction. */
    Optional<Row> lock(WorkspaceId ws, UUID id) {
        return jdbc.sql("SELECT * FROM bulk_change_sets WHERE workspace_id = :ws AND id = :id FOR UPDATE")
                .param("ws", ws.value()).param("id", id).query(this::row).optional();
    }

    /** Clears the person's key of a change set planned before {@code before}, so that the key may name a new plan. */
    int forgetIdempotencyKey(WorkspaceId ws, UUID user, String key, Instant before) {
        return jdbc.sql("""
                        UPDATE bulk_change_sets SET idempotency_key = NULL
                        WHERE workspace_id = :ws AND created_by = :user AND idempotency_key = :key AND created_at < :before""")
                .param("ws", ws.value()).param("user", user).param("key", key)
                .param("before", java.sql.Timestamp.from(before)).update();
    }

    /** Clears every key of change sets planned before {@code before}; returns how many. */
    int forgetIdempotencyKeys(Instant before) {
        return jdbc.sql("UPDATE bulk_change_sets SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL AND created_at < :before")
                .param("before", java.sql.Timestamp.from(before)).update();
    }

    Optional<Row> findByIdempotencyKey(WorkspaceId ws, UUID user, String key) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_sets
                        WHERE workspace_id = :ws AND created_by = :user AND idempotency_key = :key""")
                .param("ws", ws.value()).param("user", user).param("key", key).query(this::row).optional();
    }

    /** Newest first; {@code after} is the (createdAt, id) of the last row of the previous page. */
    List<Row> list(WorkspaceId ws, ChangeSetStatus status, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_sets
                        WHERE workspace_id = :ws AND (CAST(:status AS text) IS NULL OR status = :status)
                          AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("ws", ws.value()).param("status", status == null ? null : status.name())
                .param("afterAt", ts(afterCreatedAt)).param("afterId", afterId).param("limit", limit)
                .query(this::row).list();
    }

    List<LineRow> lines(WorkspaceId ws, UUID id) {
        return jdbc.sql("SELECT * FROM bulk_change_lines WHERE workspace_id = :ws AND change_set_id = :id ORDER BY seq")
                .param("ws", ws.value()).param("id", id).query(this::line).list();
    }

    /** The lines after {@code afterSeq}, in order, at most {@code limit} (a page of a long change set). */
    List<LineRow> lines(WorkspaceId ws, UUID id, int afterSeq, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_lines
                        WHERE workspace_id = :ws AND change_set_id = :id AND seq > :after
                        ORDER BY seq LIMIT :limit""")
                .param("ws", ws.value()).param("id", id).param("after", afterSeq).param("limit", limit)
                .query(this::line).list();
    }

    /** Each warning of the change set's lines with the number of lines carrying it, most frequent first. */
    List<ChangeSetView.Warning> warnings(WorkspaceId ws, UUID id) {
        return jdbc.sql("""
                        SELECT w.text, count(*) AS n
                        FROM bulk_change_lines l CROSS JOIN LATERAL jsonb_array_elements_text(l.warnings) AS w(text)
                        WHERE l.workspace_id = :ws AND l.change_set_id = :id
                        GROUP BY w.text ORDER BY n DESC, w.text""")
                .param("ws", ws.value()).param("id", id)
                .query((rs, n) -> new ChangeSetView.Warning(rs.getString("text"), rs.getInt("n"))).list();
    }

    /** Counts of lines per status, for list views (which carry no lines). */
    Map<LineStatus, Integer> lineCounts(WorkspaceId ws, UUID id) {
        Map<LineStatus, Integer> counts = new java.util.EnumMap<>(LineStatus.class);
        jdbc.sql("""
                        SELECT status, count(*) AS n FROM bulk_change_lines
                        WHERE workspace_id = :ws AND change_set_id = :id GROUP BY status""")
                .param("ws", ws.value()).param("id", id)
                .query((rs, n) -> counts.put(LineStatus.valueOf(rs.getString("status")), rs.getInt("n"))).list();
        return counts;
    }

    List<ChangeSetView.Approval> approvals(WorkspaceId ws, UUID id) {
        return jdbc.sql("""
                        SELECT user_id, user_email, decision, comment, at FROM bulk_approvals
                        WHERE workspace_id = :ws AND change_set_id = :id ORDER BY at""")
                .param("ws", ws.value()).param("id", id)
                .query((rs, n) -> new ChangeSetView.Approval(rs.getString("user_id"), rs.getString("user_email"),
                        rs.getString("decision"), rs.getString("comment"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    void addDecision(WorkspaceId ws, UUID id, UUID user, String email, String decision, String comment, Instant at) {
        jdbc.sql("""
                        INSERT INTO bulk_approvals (change_set_id, workspace_id, user_id, user_email, decision, comment, at)
                        VALUES (:id, :ws, :user, :email, :decision, :comment, :at)""")
                .param("id", id).param("ws", ws.value()).param("user", user).param("email", email)
                .param("decision", decision).param("comment", comment).param("at", ts(at)).update();
    }

    /** Moves the change set to {@code to} when it is in one of {@code from}; false when it was not. */
    boolean transition(WorkspaceId ws, UUID id, Set<ChangeSetStatus> from, ChangeSetStatus to) {
        return jdbc.sql("""
                        UPDATE bulk_change_sets SET status = :to
                        WHERE workspace_id = :ws AND id = :id AND status = ANY(:from)""")
                .param("to", to.name()).param("ws", ws.value()).param("id", id)
                .param("from", from.stream().map(Enum::name).toArray(String[]::new)).update() == 1;
    }

    void approved(WorkspaceId ws, UUID id, ChangeSetStatus to, Instant at, Instant nextRunAt) {
        jdbc.sql("""
                        UPDATE bulk_change_sets SET status = :to, approved_at = :at, next_run_at = :next
                        WHERE workspace_id = :ws AND id = :id""")
                .param("to", to.name()).param("at", ts(at)).param("next", ts(nextRunAt)).param("ws", ws.value())
                .param("id", id).update();
    }

    void applying(WorkspaceId ws, UUID id, JobId jobId, Instant at) {
        jdbc.sql("""
                        UPDATE bulk_change_sets SET status = 'APPLYING', job_id = :job, started_at = :at, finished_at = NULL,
                            cancel_requested = false
                        WHERE workspace_id = :ws AND id = :id""")
                .param("job", jobId.toString()).param("at", ts(at)).param("ws", ws.value()).param("id", id).update();
    }

    void finished(WorkspaceId ws, UUID id, ChangeSetStatus status, Instant at, Instant nextRunAt) {
        jdbc.sql("""
                        UPDATE bulk_change_sets SET status = :status, finished_at = :at, next_run_at = :next
                        WHERE workspace_id = :ws AND id = :id""")
                .param("status", status.name()).param("at", ts(at)).param("next", ts(nextRunAt))
                .param("ws", ws.value()).param("id", id).update();
    }

    boolean requestCancel(WorkspaceId ws, UUID id) {
        return jdbc.sql("""
                        UPDATE bulk_change_sets SET cancel_requested = true
                        WHERE workspace_id = :ws AND id = :id AND status = 'APPLYING'""")
                .param("ws", ws.value()).param("id", id).update() == 1;
    }

    boolean cancelRequested(WorkspaceId ws, UUID id) {
        return jdbc.sql("SELECT cancel_requested FROM bulk_change_sets WHERE workspace_id = :ws AND id = :id")
                .param("ws", ws.value()).param("id", id).query(Boolean.class).optional().orElse(false);
    }

    /**
     * One line's outcome for {@link #updateLines(WorkspaceId, UUID, List)}: a null {@code note} or {@code appliedAt}
     * keeps the stored one; the error fields are replaced.
     */
    record Outcome(int seq, LineStatus status, String note, Integer code, String message, String requestId,
            Instant appliedAt) {

        static Outcome of(int seq, LineStatus status, String note) {
            return new Outcome(seq, status, note, null, null, null, null);
        }
    }

    /** Lines with outcomes of their own, in one statement (arrays unnested): a chunk's outcome is one round trip. */
    void updateLines(WorkspaceId ws, UUID id, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE bulk_change_lines l SET status = t.status, note = coalesce(t.note, l.note),
                            error_code = t.code, error_message = t.message, error_request_id = t.request_id,
                            applied_at = coalesce(CAST(t.applied_at AS timestamptz), l.applied_at)
                        FROM unnest(:seqs, :statuses, :notes, :codes, :messages, :requestIds, :appliedAts)
                            AS t(seq, status, note, code, message, request_id, applied_at)
                        WHERE l.workspace_id = :ws AND l.change_set_id = :id AND l.seq = t.seq""")
                .param("seqs", outcomes.stream().map(Outcome::seq).toArray(Integer[]::new))
                .param("statuses", outcomes.stream().map(o -> o.status().name()).toArray(String[]::new))
                .param("notes", outcomes.stream().map(Outcome::note).toArray(String[]::new))
                .param("codes", outcomes.stream().map(Outcome::code).toArray(Integer[]::new))
                .param("messages", outcomes.stream().map(Outcome::message).toArray(String[]::new))
                .param("requestIds", outcomes.stream().map(Outcome::requestId).toArray(String[]::new))
                .param("appliedAts", outcomes.stream().map(o -> o.appliedAt() == null ? null : o.appliedAt().toString())
                        .toArray(String[]::new))
                .param("ws", ws.value()).param("id", id).update();
    }

    /** Several lines with the same outcome, in one statement. */
    void updateLines(WorkspaceId ws, UUID id, Collection<Integer> seqs, LineStatus status, String note, Integer code,
            String message, String requestId, Instant appliedAt) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE bulk_change_lines SET status = :status, note = coalesce(:note, note), error_code = :code,
                            error_message = :message, error_request_id = :requestId,
                            applied_at = coalesce(:appliedAt, applied_at)
                        WHERE workspace_id = :ws AND change_set_id = :id AND seq = ANY(:seqs)""")
                .param("status", status.name()).param("note", note).param("code", code).param("message", message)
                .param("requestId", requestId).param("appliedAt", ts(appliedAt)).param("ws", ws.value())
                .param("id", id).param("seqs", seqs.toArray(Integer[]::new)).update();
    }

    void setStatus(WorkspaceId ws, UUID id, Collection<Integer> seqs, LineStatus status) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE bulk_change_lines SET status = :status
                        WHERE workspace_id = :ws AND change_set_id = :id AND seq = ANY(:seqs)""")
                .param("status", status.name()).param("ws", ws.value()).param("id", id)
                .param("seqs", seqs.toArray(Integer[]::new)).update();
    }

    /** A line of a scheduled run that starts over: its fresh before value, status and note. */
    record Reset(int seq, Map<String, Object> before, LineStatus status, String note) {
    }

    /** A scheduled run starts over: fresh before values, outcomes cleared; one statement (arrays unnested). */
    void resetLines(WorkspaceId ws, UUID id, List<Reset> resets) {
        if (resets.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE bulk_change_lines l SET before_value = CAST(t.before_value AS jsonb), status = t.status,
                            note = t.note, error_code = NULL, error_message = NULL, error_request_id = NULL,
                            applied_at = NULL
                        FROM unnest(:seqs, :befores, :statuses, :notes) AS t(seq, before_value, status, note)
                        WHERE l.workspace_id = :ws AND l.change_set_id = :id AND l.seq = t.seq""")
                .param("seqs", resets.stream().map(Reset::seq).toArray(Integer[]::new))
                .param("befores", resets.stream().map(r -> json.writeValueAsString(r.before())).toArray(String[]::new))
                .param("statuses", resets.stream().map(r -> r.status().name()).toArray(String[]::new))
                .param("notes", resets.stream().map(Reset::note).toArray(String[]::new))
                .param("ws", ws.value()).param("id", id).update();
    }

    /** Unapproved change sets past their expiry, oldest first (ids and workspaces). */
    List<Row> expiredAwaitingApproval(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_sets WHERE status = 'AWAITING_APPROVAL' AND expires_at <= :now
                        ORDER BY expires_at LIMIT :limit""")
                .param("now", ts(now)).param("limit", limit).query(this::row).list();
    }

    List<Row> dueScheduled(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_sets WHERE status = 'SCHEDULED' AND next_run_at <= :now
                        ORDER BY next_run_at LIMIT :limit""")
                .param("now", ts(now)).param("limit", limit).query(this::row).list();
    }

    /** Change sets APPLYING since before {@code startedBefore}, oldest first: candidates for an ended apply job. */
    List<Row> applyingSince(Instant startedBefore, int limit) {
        return jdbc.sql("""
                        SELECT * FROM bulk_change_sets WHERE status = 'APPLYING' AND started_at <= :before
                        ORDER BY started_at LIMIT :limit""")
                .param("before", ts(startedBefore)).param("limit", limit).query(this::row).list();
    }

    int deleteWorkspace(WorkspaceId ws) {
        jdbc.sql("DELETE FROM bulk_guardrail_ledger WHERE workspace_id = :ws").param("ws", ws.value()).update();
        jdbc.sql("DELETE FROM bulk_policies WHERE workspace_id = :ws").param("ws", ws.value()).update();
        return jdbc.sql("DELETE FROM bulk_change_sets WHERE workspace_id = :ws").param("ws", ws.value()).update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Array reasons = new Array(rs.getArray("approval_reasons"));
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                ChangeSetStatus.valueOf(rs.getString("status")), BulkAction.valueOf(rs.getString("action")),
                BulkLevel.valueOf(rs.getString("level")), map(rs.getString("value")),
                rs.getObject("created_by", UUID.class), rs.getString("created_by_email"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("approved_at")), instant(rs.getTimestamp("run_at")),
                map(rs.getString("schedule")), instant(rs.getTimestamp("next_run_at")),
                rs.getObject("revert_of", UUID.class), jobId(rs.getString("job_id")), rs.getBoolean("cancel_requested"),
                rs.getBoolean("needs_approval"), reasons.strings(), map(rs.getString("totals")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getString("request_hash"));
    }

    private static JobId jobId(String stored) {
        return stored == null ? null : JobId.of(stored);
    }

    private LineRow line(ResultSet rs, int n) throws SQLException {
        Integer code = rs.getObject("error_code", Integer.class);
        return new LineRow(rs.getInt("seq"), rs.getString("tiktok_id"), rs.getString("name"),
                rs.getString("advertiser_id"), rs.getObject("connection_id", UUID.class), rs.getString("currency"),
                map(rs.getString("before_value")), map(rs.getString("after_value")),
                json.readValue(rs.getString("warnings"), new TypeReference<List<String>>() { }),
                LineStatus.valueOf(rs.getString("status")), rs.getString("note"), code,
                rs.getString("error_message"), rs.getString("error_request_id"));
    }

    private Map<String, Object> map(String text) {
        return text == null ? null : json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Array(java.sql.Array array) {
        List<String> strings() throws SQLException {
            if (array == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
            return out;
        }
    }
}
