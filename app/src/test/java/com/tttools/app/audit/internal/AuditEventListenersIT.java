package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditEventListenersIT extends IntegrationTest {

    /** What a feature module would publish: its own past-tense event that knows how it reads in the log. */
    record WorkspaceRenamed(OrganizationId organizationId, WorkspaceId workspaceId, UserId by, String before,
            String after) implements AuditableEvent {

        @Override
        public AuditEntry auditEntry() {
            return new AuditEntry("workspace.updated", Actor.user(by, "owner@example.com"), "workspace",
                    workspaceId.toString(), organizationId, workspaceId, null,
                    Map.of("before", Map.of("name", before), "after", Map.of("name", after)), Instant.now());
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    SecurityLog securityLog;

    @Test
    void whenAnAuditableEventIsPublishedInACommittedTransactionThenItsEntryIsStored() {
        OrganizationId organization = OrganizationId.random();
        WorkspaceId workspace = WorkspaceId.random();

        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new WorkspaceRenamed(organization, workspace, UserId.random(), "Old", "New")));

        List<AuditEvent> stored = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditLog.search(AuditQuery.of(organization)).items(), items -> !items.isEmpty());
        assertThat(stored).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("workspace.updated");
            assertThat(event.workspaceId()).isEqualTo(workspace);
            assertThat(event.details()).isEqualTo(Map.of("before", Map.of("name", "Old"), "after", Map.of("name", "New")));
        });
        assertThat(auditLog.verify(organization).ok()).isTrue();
    }

    @Test
    void whenThePublishingTransactionRollsBackThenNothingIsStored() {
        OrganizationId organization = OrganizationId.random();
        WorkspaceId workspace = WorkspaceId.random();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new WorkspaceRenamed(organization, workspace, UserId.random(), "Rolled", "Back"));
            status.setRollbackOnly();
        });
        // A committed event published afterwards is stored; by then the rolled-back one would have been too.
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new WorkspaceRenamed(organization, workspace, UserId.random(), "Committed", "Later")));

        List<AuditEvent> stored = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditLog.search(AuditQuery.of(organization)).items(), items -> !items.isEmpty());
        assertThat(stored).singleElement()
                .satisfies(event -> assertThat(event.details()).containsEntry("before", Map.of("name", "Committed")));
    }

    @Test
    void whenASecurityEventIsPublishedThenItAppearsInTheUsersLoginHistory() {
        UserId user = UserId.random();

        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new SecurityEventOccurred("login.succeeded", user, "carol@example.com",
                        AuditTestSupport.REQUEST, Map.of("method", "password"), Instant.now())));

        List<SecurityEvent> history = await().atMost(Duration.ofSeconds(10))
                .until(() -> securityLog.forUser(user, 10, null).items(), items -> !items.isEmpty());
        assertThat(history).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("login.succeeded");
            assertThat(event.request()).isEqualTo(AuditTestSupport.REQUEST);
            assertThat(event.details()).isEqualTo(Map.of("method", "password"));
        });
    }
}
