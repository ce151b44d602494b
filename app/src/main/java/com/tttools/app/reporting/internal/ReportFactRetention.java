package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.retention.BatchedDeletes;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily performance facts (and their finality ledger) whose date lies before the workspace organization's
 * retention (25 months unless the organization chose 3 to 120). First whole partitions: a partition whose every day
 * is past the retention of every workspace with rows in it is dropped (no row-by-row delete, no dead rows to
 * vacuum). Then the rest row by row (a month partly past retention, a workspace whose organization keeps less than
 * others in the same month): partition by partition, workspace by workspace, level by level, so that each batch is a
 * range of the partition's primary key {@code (workspace_id, level, stat_date, ...)}. Each batch takes its rows out of
 * the rollups in the same statement and transaction ({@link FactRollups#deleteFacts}), so reports through the rollups
 * agree with the daily facts after every batch.
 */
@Component
class ReportFactRetention implements RetentionPurge {

    private final JdbcClient jdbc;
    private final FactPartitions partitions;
    private final FactRollups rollups;
    private final TransactionTemplate transactions;

    ReportFactRetention(JdbcClient jdbc, FactPartitions partitions, FactRollups rollups,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String dataClass() {
        return "report_facts";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        long total = dropWholePartitions(cutoffs);
        List<FactPartitions.Partition> left = partitions.list();
        for (UUID workspace : workspaces()) {
            LocalDate before = day(cutoffs.forWorkspace(new WorkspaceId(workspace)));
            List<String> tables = new ArrayList<>(left.stream()
                    .filter(p -> p.overlaps(LocalDate.MIN, before)).map(FactPartitions.Partition::name).toList());
            tables.add(FactPartitions.DEFAULT);
            WorkspaceId workspaceId = new WorkspaceId(workspace);
            for (String table : tables) {
                for (ReportLevel level : ReportLevel.values()) {
                    total += BatchedDeletes.repeat(batchSize, () -> deleteBatch(workspaceId, table, level, before, batchSize));
                }
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

    /** One batch of a workspace's facts of one level before the cutoff, with its share of the rollups, in one transaction. */
    int deleteBatch(WorkspaceId workspaceId, String table, ReportLevel level, LocalDate before, int batchSize) {
        Long deleted = transactions.execute(status -> rollups.deleteFacts(workspaceId, "DELETE FROM " + table
                        + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table + " WHERE workspace_id = :ws AND level = :level"
                        + " AND stat_date < :before LIMIT :batch)) RETURNING *",
                new MapSqlParameterSource("level", level.name()).addValue("before", before).addValue("batch", batchSize)));
        return deleted == null ? 0 : Math.toIntExact(deleted);
    }

    /**
     * Drops each partition that ends on or before the cutoff of every workspace with rows in it (an empty one: on or
     * before the default cutoff); returns the rows they held.
     */
    private long dropWholePartitions(RetentionCutoffs cutoffs) {
        LocalDate latest = day(cutoffs.now());
        long dropped = 0;
        for (FactPartitions.Partition partition : partitions.list()) {
            if (partition.to() == null || partition.to().isAfter(latest)) {
                continue;   // holds days younger than any retention
            }
            List<UUID> workspaces = partitions.workspacesIn(partition.name());
            boolean past = workspaces.isEmpty() ? !partition.to().isAfter(day(cutoffs.cutoff()))
                    : workspaces.stream().allMatch(ws ->
                            !partition.to().isAfter(day(cutoffs.forWorkspace(new WorkspaceId(ws)))));
            if (past) {
                dropped += Math.max(0, partitions.drop(partition.name()));
            }
        }
        return dropped;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
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
