package com.tttools.app.audit.internal;

import static com.tttools.app.audit.internal.AuditTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditAppendOnlyIT extends IntegrationTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    SecurityLog securityLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PurgePermission permission;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whenAuditRowIsUpdatedWithPlainSqlThenTheTriggerRejectsIt() {
        AuditEvent event = auditLog.record(entry(OrganizationId.random(), "workspace.updated"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET action = 'workspace.created' WHERE id = :id")
                .param("id", event.id()).update())
                .satisfies(e -> assertRejectedByTrigger(e, "audit_events is append-only: UPDATE is not allowed"));
        assertThat(actionOf(event)).isEqualTo("workspace.updated");
    }

    @Test
    void whenAuditRowIsDeletedWithPlainSqlThenTheTriggerRejectsIt() {
        AuditEvent event = auditLog.record(entry(OrganizationId.random(), "workspace.updated"));

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events WHERE id = :id").param("id", event.id()).update())
                .satisfies(e -> assertRejectedByTrigger(e, "audit_events is append-only: DELETE is not allowed"));
        assertThat(actionOf(event)).isEqualTo("workspace.updated");
    }

    @Test
    void whenAuditTableIsTruncatedThenTheTriggerRejectsIt() {
        auditLog.record(entry(OrganizationId.random(), "workspace.updated"));
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("TRUNCATE audit_events").update();
        })).satisfies(e -> assertRejectedByTrigger(e, "audit_events is append-only: TRUNCATE is not allowed"));
    }

    @Test
    void whenThePurgePermissionIsGrantedThenUpdatesAreStillRejected() {
        AuditEvent event = auditLog.record(entry(OrganizationId.random(), "workspace.updated"));
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            permission.grant();
            jdbc.sql("UPDATE audit_events SET details = '{}' WHERE id = :id").param("id", event.id()).update();
        })).satisfies(e -> assertRejectedByTrigger(e, "UPDATE is not allowed"));
    }

    @Test
    void whenPermissionWasGrantedInAnEarlierTransactionThenDeleteIsRejectedAgain() {
        AuditEvent event = auditLog.record(entry(OrganizationId.random(), "workspace.updated"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> permission.grant());

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events WHERE id = :id").param("id", event.id()).update())
                .satisfies(e -> assertRejectedByTrigger(e, "DELETE is not allowed"));
    }

    @Test
    void whenSecurityEventIsUpdatedOrDeletedThenTheTriggerRejectsIt() {
        SecurityEvent event = securityLog.record(new SecurityEventOccurred("login.failed", UserId.random(),
                "bob@example.com", AuditTestSupport.REQUEST, null, Instant.now()));

        assertThatThrownBy(() -> jdbc.sql("UPDATE security_events SET type = 'login_succeeded' WHERE id = :id")
                .param("id", event.id()).update())
                .satisfies(e -> assertRejectedByTrigger(e, "security_events is append-only: UPDATE is not allowed"));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM security_events WHERE id = :id").param("id", event.id()).update())
                .satisfies(e -> assertRejectedByTrigger(e, "security_events is append-only: DELETE is not allowed"));
    }

    private String actionOf(AuditEvent event) {
        return jdbc.sql("SELECT action FROM audit_events WHERE id = :id").param("id", event.id())
                .query(String.class).single();
    }

    private static void assertRejectedByTrigger(Throwable thrown, String message) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an SQLException in the cause chain of %s", thrown).isInstanceOf(SQLException.class);
        assertThat(((SQLException) cause).getSQLState()).isEqualTo("42501");
        assertThat(cause.getMessage()).contains(message);
    }
}
