package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.IntegrationTest;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security check 58: a chain of 10,000 entries verifies as intact, and altering one row as superuser makes
 * the verifier name exactly that row. The rows are built with the production hasher and loaded in one batch,
 * which is much faster than 10,000 separate appends and hashes exactly the same content.
 */
class ChainVerificationAtScaleIT extends IntegrationTest {

    private static final int ROWS = 10_000;

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditEventRepository events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whenTenThousandEntriesAreIntactThenVerifyAgreesAndOneAlteredRowIsNamed() {
        OrganizationId organization = OrganizationId.random();
        List<AuditRow> rows = load(organization);

        assertThat(auditLog.verify(organization)).isEqualTo(ChainVerification.intact(ROWS));

        UUID altered = rows.get(7_321).id();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only").update();
            jdbc.sql("UPDATE audit_events SET ip = '198.51.100.66' WHERE id = :id").param("id", altered).update();
            jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only").update();
        });

        ChainVerification result = auditLog.verify(organization);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(altered);
        assertThat(result.checkedCount()).isEqualTo(7_322);
    }

    private List<AuditRow> load(OrganizationId organization) {
        String chain = AuditChainWriter.organizationChain(organization);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String details = events.canonicalJson("{\"field\": \"name\", \"before\": \"a\", \"after\": \"b\"}");
        List<AuditRow> rows = new ArrayList<>(ROWS);
        byte[] previous = ChainHasher.GENESIS;
        for (int i = 1; i <= ROWS; i++) {
            Instant at = start.plus(i, ChronoUnit.MILLIS);
            AuditRow row = new AuditRow(UUID.randomUUID(), chain, i, organization.value(), null, at, at, null, null,
                    "job:load-test", "workspace.updated", "workspace", "w-" + i, "203.0.113.1", "JUnit", "req-" + i,
                    details, previous, null);
            row = row.withHash(ChainHasher.hash(row));
            rows.add(row);
            previous = row.hash();
        }
        AuditRow head = rows.get(ROWS - 1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO audit_events (id, chain, seq, organization_id, workspace_id, occurred_at, recorded_at,
                                              actor_user_id, actor_email, actor_system, action, target_type, target_id,
                                              ip, user_agent, request_id, details, prev_hash, hash)
                    VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                    """, rows, 1_000, (PreparedStatement statement, AuditRow row) -> {
                statement.setObject(1, row.id());
                statement.setString(2, row.chain());
                statement.setLong(3, row.seq());
                statement.setObject(4, row.organizationId());
                statement.setObject(5, SqlTime.of(row.occurredAt()));
                statement.setObject(6, SqlTime.of(row.recordedAt()));
                statement.setString(7, row.actorSystem());
                statement.setString(8, row.action());
                statement.setString(9, row.targetType());
                statement.setString(10, row.targetId());
                statement.setString(11, row.ip());
                statement.setString(12, row.userAgent());
                statement.setString(13, row.requestId());
                statement.setString(14, row.detailsJson());
                statement.setBytes(15, row.prevHash());
                statement.setBytes(16, row.hash());
            });
            jdbc.sql("""
                            INSERT INTO audit_chains (chain, organization_id, head_seq, head_hash, head_recorded_at, anchor_hash)
                            VALUES (:chain, :organizationId, :seq, :hash, :recordedAt, :genesis)
                            """)
                    .param("chain", chain)
                    .param("organizationId", organization.value())
                    .param("seq", head.seq())
                    .param("hash", head.hash())
                    .param("recordedAt", SqlTime.of(head.recordedAt()))
                    .param("genesis", ChainHasher.GENESIS)
                    .update();
        });
        return rows;
    }
}
