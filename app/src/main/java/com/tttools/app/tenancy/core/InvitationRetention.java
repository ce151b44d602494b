package com.tttools.app.tenancy.core;

import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Invitations 30 days after they ended: expired, or revoked (whichever came first). An accepted invitation ends
 * at its expiry too; the membership it created is the lasting record.
 */
@Component
class InvitationRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    InvitationRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String dataClass() {
        return "invitations";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                        DELETE FROM invitations WHERE id IN (
                            SELECT id FROM invitations
                            WHERE LEAST(expires_at, COALESCE(revoked_at, expires_at)) < :cutoff
                            LIMIT :batch)
                        """)
                .param("cutoff", Timestamp.from(cutoffs.cutoff()))
                .param("batch", batchSize)
                .update());
    }
}
