package com.tttools.app.bulk;

import com.tttools.app.shared.MaskedEmail;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A change set as the API shows it (docs/bulk-operations.md). */
public record ChangeSetView(String id, ChangeSetStatus status, BulkAction action, BulkLevel level, String createdBy,
        String createdByEmail, Instant createdAt, Instant expiresAt, boolean needsApproval,
        List<String> approvalReasons, List<Approval> approvals, Instant runAt, WeeklySchedule schedule,
        Instant nextRunAt, Counts counts, Map<String, Total> totals, List<Line> lines, String revertOf,
        String jobId, boolean cancelRequested, Instant startedAt, Instant finishedAt) {

    public record Approval(String userId, String email, String decision, String comment, Instant at) {
        @Override
        public String toString() {
            return "Approval[userId=" + userId + ", email=" + MaskedEmail.of(email) + ", decision=" + decision + "]";
        }
    }

    public record Counts(int total, int pending, int applied, int skipped, int failed, int verified, int drifted) {
    }

    /** Daily budget live before and after the change, in one currency. */
    public record Total(BigDecimal before, BigDecimal after) {
    }

    /** {@code before}/{@code after}: {@code status} (ENABLE, DISABLE, DELETE) and/or {@code budget}. */
    public record Line(String tiktokId, String name, String advertiserId, String currency, Map<String, Object> before,
            Map<String, Object> after, List<String> warnings, LineStatus status, String note, LineError error) {
    }

    public record LineError(Integer code, String message, String requestId) {
    }

    /** A warning and the number of the change set's lines that carry it (for pages that show lines a page at a time). */
    public record Warning(String text, int lines) {
    }
}
