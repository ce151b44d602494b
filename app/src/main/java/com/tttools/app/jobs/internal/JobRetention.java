package com.tttools.app.jobs.internal;

import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Jobs with their payloads, checkpoints and errors, 90 days after they finished. Queued and running jobs are
 * never touched, however old.
 */
@Component
class JobRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    JobRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String dataClass() {
        return "jobs";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                        DELETE FROM jobs WHERE id IN (
                            SELECT id FROM jobs
                            WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND finished_at < :cutoff
                            ORDER BY finished_at LIMIT :batch)
                        """)
                .param("cutoff", Timestamp.from(cutoffs.cutoff()))
                .param("batch", batchSize)
                .update());
    }
}
