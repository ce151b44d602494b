package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily performance facts (and their finality ledger) whose date lies before the workspace organization's
 * retention (25 months unless the organization chose 3 to 120). Workspace by workspace, level by level, so that
 * each batch is a range of the primary key {@code (workspace_id, level, stat_date, ...)}.
 */
@Component
class ReportFactRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    ReportFactRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String dataClass() {
        return "report_facts";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        long total = 0;
        for (UUID workspace : workspaces()) {
            LocalDate before = LocalDate.ofInstant(cutoffs.forWorkspace(new WorkspaceId(workspace)), ZoneOffset.UTC);
            for (ReportLevel level : ReportLevel.values()) {
                total += BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                                DELETE FROM report_daily_facts WHERE ctid = ANY(ARRAY(
                                    SELECT ctid FROM report_daily_facts
                                    WHERE workspace_id = :ws AND level = :level AND stat_date < :before
                                    LIMIT :batch))
                                """)
                        .param("ws", workspace).param("level", level.name()).param("before", before)
                        .param("batch", batchSize)
                        .update());
            }
            total += BatchedDeletes.repeat(batchSize, () -> jdbc.sql("""
                            DELETE FROM report_finality WHERE ctid = ANY(ARRAY(
                                SELECT ctid FROM report_finality WHERE workspace_id = :ws AND stat_date < :before
                                LIMIT :batch))
                            """)
                    .param("ws", workspace).param("before", before).param("batch", batchSize)
                    .update());
        }
        return total;
    }

    /** The workspaces that have facts or finality rows (a skip scan over the facts' primary key). */
    private List<UUID> workspaces() {
        return jdbc.sql("""
                        WITH RECURSIVE ws (id) AS (
                            (SELECT workspace_id FROM report_daily_facts ORDER BY workspace_id LIMIT 1)
                            UNION ALL
                            SELECT (SELECT f.workspace_id FROM report_daily_facts f WHERE f.workspace_id > ws.id
                                    ORDER BY f.workspace_id LIMIT 1)
                            FROM ws WHERE ws.id IS NOT NULL)
                        SELECT id FROM ws WHERE id IS NOT NULL
                        UNION
                        SELECT DISTINCT workspace_id FROM report_finality
                        """)
                .query(UUID.class)
                .list();
    }
}
