package com.tttools.app.audit.internal;

import static com.tttools.app.audit.internal.AuditTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ChainVerificationIT extends IntegrationTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PurgePermission permission;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whenNothingWasTouchedThenTheChainIsIntact() {
        OrganizationId organization = OrganizationId.random();
        record(organization, 20);

        assertThat(auditLog.verify(organization)).isEqualTo(ChainVerification.intact(20));
    }

    @Test
    void whenAnOrganizationHasNoEventsThenItsChainIsIntactAndEmpty() {
        assertThat(auditLog.verify(OrganizationId.random())).isEqualTo(ChainVerification.intact(0));
    }

    @Test
    void whenOneRowsDetailsAreChangedBehindTheTriggersBackThenVerifyReportsExactlyThatRow() {
        OrganizationId organization = OrganizationId.random();
        List<AuditEvent> events = record(organization, 10);
        UUID tampered = events.get(6).id();

        withTriggerDisabled(() -> jdbc.sql("UPDATE audit_events SET details = '{\"n\": 999}' WHERE id = :id")
                .param("id", tampered).update());

        ChainVerification result = auditLog.verify(organization);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(tampered);
        assertThat(result.checkedCount()).isEqualTo(7);
        assertThat(result.problem()).contains("content does not match its hash");
    }

    @Test
    void whenARowIsChangedAndRehashedThenTheNextRowNoLongerLinksToIt() {
        OrganizationId organization = OrganizationId.random();
        List<AuditEvent> events = record(organization, 5);
        AuditRow original = row(events.get(2).id());
        AuditRow forged = new AuditRow(original.id(), original.chain(), original.seq(), original.organizationId(),
                original.workspaceId(), original.occurredAt(), original.recordedAt(), original.actorUserId(),
                original.actorEmail(), original.actorSystem(), "workspace.deleted", original.targetType(),
                original.targetId(), original.ip(), original.userAgent(), original.requestId(), original.detailsJson(),
                original.prevHash(), null);
        byte[] forgedHash = ChainHasher.hash(forged);

        withTriggerDisabled(() -> jdbc.sql("UPDATE audit_events SET action = 'workspace.deleted', hash = :hash WHERE id = :id")
                .param("hash", forgedHash).param("id", original.id()).update());

        ChainVerification result = auditLog.verify(organization);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(events.get(3).id());
        assertThat(result.problem()).contains("does not link");
    }

    @Test
    void whenARowIsDeletedFromTheMiddleThenVerifyReportsTheRowAfterTheGap() {
        OrganizationId organization = OrganizationId.random();
        List<AuditEvent> events = record(organization, 6);

        deleteBypassingTheAnchor(events.get(3).id());

        ChainVerification result = auditLog.verify(organization);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(events.get(4).id());
        assertThat(result.problem()).contains("rows are missing before it");
    }

    @Test
    void whenTheNewestRowIsDeletedThenVerifyReportsRowsMissingAtTheEnd() {
        OrganizationId organization = OrganizationId.random();
        List<AuditEvent> events = record(organization, 4);

        deleteBypassingTheAnchor(events.get(3).id());

        ChainVerification result = auditLog.verify(organization);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenEventId()).isNull();
        assertThat(result.checkedCount()).isEqualTo(3);
        assertThat(result.problem()).contains("missing at the end");
    }

    private List<AuditEvent> record(OrganizationId organization, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(auditLog.record(entry(organization, null, "workspace.updated", Map.of("n", i))));
        }
        return events;
    }

    private AuditRow row(UUID id) {
        return jdbc.sql("SELECT " + AuditEventRepository.ROW_COLUMNS + " FROM audit_events WHERE id = :id")
                .param("id", id).query(AuditEventRepository.ROW).single();
    }

    /** The superuser's way around the append-only trigger, in one transaction so no other session sees it off. */
    private void withTriggerDisabled(Runnable change) {
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only").update();
                change.run();
                jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only").update();
            });
        } finally {
            jdbc.sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only").update();
        }
    }

    private void deleteBypassingTheAnchor(UUID id) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            permission.grant();
            jdbc.sql("DELETE FROM audit_events WHERE id = :id").param("id", id).update();
        });
    }
}
