package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's bulk policy and the guardrail ledger (every write to an entity). */
@Repository
class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BulkPolicy policy(WorkspaceId ws) {
        return jdbc.sql("SELECT * FROM bulk_policies WHERE workspace_id = :ws").param("ws", ws.value())
                .query((rs, n) -> {
                    List<Integer> hours = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray("blackout_hours").getArray()) {
                        hours.add(((Number) o).intValue());
                    }
                    return new BulkPolicy(rs.getString("approval"),
                            new BulkPolicy.Thresholds(rs.getObject("threshold_entities", Integer.class),
                                    rs.getBigDecimal("threshold_budget_increase"),
                                    rs.getObject("threshold_deletes", Integer.class)),
                            new BulkPolicy.Guardrails(rs.getBigDecimal("max_budget_increase_percent"),
                                    rs.getObject("cooldown_minutes", Integer.class), hours,
                                    rs.getString("blackout_timezone")));
                })
                .optional().orElse(BulkPolicy.defaults());
    }

    void save(WorkspaceId ws, BulkPolicy p, UUID by, Instant at) {
        jdbc.sql("""
                        INSERT INTO bulk_policies (workspace_id, approval, threshold_entities, threshold_budget_increase,
                            threshold_deletes, max_budget_increase_percent, cooldown_minutes, blackout_hours,
                            blackout_timezone, updated_by, updated_at)
                        VALUES (:ws, :approval, :entities, :increase, :deletes, :maxPercent, :cooldown, :hours, :tz, :by, :at)
                        ON CONFLICT (workspace_id) DO UPDATE SET approval = excluded.approval,
                            threshold_entities = excluded.threshold_entities,
                            threshold_budget_increase = excluded.threshold_budget_increase,
                            threshold_deletes = excluded.threshold_deletes,
                            max_budget_increase_percent = excluded.max_budget_increase_percent,
                            cooldown_minutes = excluded.cooldown_minutes, blackout_hours = excluded.blackout_hours,
                            blackout_timezone = excluded.blackout_timezone, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .param("ws", ws.value()).param("approval", p.approval())
                .param("entities", p.thresholds().entities()).param("increase", p.thresholds().budgetIncreasePerDay())
                .param("deletes", p.thresholds().deletes())
                .param("maxPercent", p.guardrails().maxBudgetIncreasePercent())
                .param("cooldown", p.guardrails().cooldownMinutes())
                .param("hours", p.guardrails().blackoutHours().toArray(Integer[]::new))
                .param("tz", p.guardrails().timezone()).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** A write to one entity for the guardrail ledger; budgets null for status changes. */
    record LedgerWrite(String tiktokId, BigDecimal beforeBudget, BigDecimal afterBudget) {
    }

    /** Records writes made at {@code at} by a change set, in one statement (arrays unnested). */
    void recordWrites(WorkspaceId ws, BulkLevel level, Instant at, UUID changeSetId, List<LedgerWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO bulk_guardrail_ledger (workspace_id, level, tiktok_id, changed_at, change_set_id,
                            before_budget, after_budget)
                        SELECT :ws, :level, t.tiktok_id, :at, :changeSet, CAST(t.before_budget AS numeric),
                            CAST(t.after_budget AS numeric)
                        FROM unnest(:ids, :befores, :afters) AS t(tiktok_id, before_budget, after_budget)""")
                .param("ws", ws.value()).param("level", level.name()).param("at", Timestamp.from(at))
                .param("changeSet", changeSetId)
                .param("ids", writes.stream().map(LedgerWrite::tiktokId).toArray(String[]::new))
                .param("befores", writes.stream().map(w -> plain(w.beforeBudget())).toArray(String[]::new))
                .param("afters", writes.stream().map(w -> plain(w.afterBudget())).toArray(String[]::new))
                .update();
    }

    /** Writes to these entities since {@code since}, by TikTok id. */
    Map<String, List<Guardrails.LedgerEntry>> history(WorkspaceId ws, BulkLevel level, Collection<String> ids,
            Instant since) {
        Map<String, List<Guardrails.LedgerEntry>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT tiktok_id, changed_at, before_budget, after_budget FROM bulk_guardrail_ledger
                        WHERE workspace_id = :ws AND level = :level AND tiktok_id = ANY(:ids) AND changed_at > :since""")
                .param("ws", ws.value()).param("level", level.name()).param("ids", ids.toArray(String[]::new))
                .param("since", Timestamp.from(since))
                .query((rs, n) -> out.computeIfAbsent(rs.getString("tiktok_id"), k -> new ArrayList<>())
                        .add(new Guardrails.LedgerEntry(rs.getTimestamp("changed_at").toInstant(),
                                rs.getBigDecimal("before_budget"), rs.getBigDecimal("after_budget"))))
                .list();
        return out;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
