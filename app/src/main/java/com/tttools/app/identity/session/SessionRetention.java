package com.tttools.app.identity.session;

import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions past their expiry (idle timeout; the absolute timeout ends them earlier at their next request). Spring
 * Session's own cleanup deletes them every minute on each node; this is the daily, counted backstop that also
 * runs with the purge's clock.
 */
@Component
class SessionRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    SessionRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String dataClass() {
        return "sessions";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                        DELETE FROM spring_session WHERE primary_id IN (
                            SELECT primary_id FROM spring_session WHERE expiry_time < :cutoff LIMIT :batch)
                        """)
                .param("cutoff", cutoffs.cutoff().toEpochMilli())
                .param("batch", batchSize)
                .update());
    }
}
