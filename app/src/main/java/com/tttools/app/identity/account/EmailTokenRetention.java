package com.tttools.app.identity.account;

import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** E-mail tokens (verification, password reset, e-mail change) once they expired, used or not. */
@Component
class EmailTokenRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    EmailTokenRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String dataClass() {
        return "email_tokens";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                        DELETE FROM user_email_tokens WHERE id IN (
                            SELECT id FROM user_email_tokens WHERE expires_at < :cutoff ORDER BY expires_at LIMIT :batch)
                        """)
                .param("cutoff", Timestamp.from(cutoffs.cutoff()))
                .param("batch", batchSize)
                .update());
    }
}
