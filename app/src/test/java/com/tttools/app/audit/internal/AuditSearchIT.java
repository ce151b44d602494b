package com.tttools.app.audit.internal;

import static com.tttools.app.audit.internal.AuditTestSupport.byActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditSearchIT extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    final OrganizationId organization = OrganizationId.random();
    final WorkspaceId workspaceA = WorkspaceId.random();
    final WorkspaceId workspaceB = WorkspaceId.random();
    final Actor alice = Actor.user(UserId.random(), "alice@example.com");
    final Actor bob = Actor.user(UserId.random(), "bob@example.com");
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));

    @BeforeEach
    void someEventsInTwoWorkspacesAndTheOrganization() {
        auditLog.record(byActor(organization, workspaceA, alice, "workspace.created", "workspace", workspaceA.toString(), t0));
        auditLog.record(byActor(organization, workspaceB, bob, "workspace.created", "workspace", workspaceB.toString(), t0.plusSeconds(60)));
        auditLog.record(byActor(organization, null, alice, "member.role_changed", "user", bob.userId().toString(), t0.plusSeconds(120)));
        auditLog.record(byActor(organization, workspaceA, bob, "connection.connected", "connection", "c-1", t0.plusSeconds(180)));
        auditLog.record(byActor(organization, workspaceB, alice, "connection.connected", "connection", "c-2", t0.plusSeconds(240)));
        // another organization's event, with the same workspace id, must never show up
        auditLog.record(byActor(OrganizationId.random(), workspaceA, alice, "workspace.updated", "workspace",
                workspaceA.toString(), t0.plusSeconds(300)));
    }

    @Test
    void whenAnOrganizationAdminSearchesThenAllOfTheOrganizationsEventsComeNewestFirst() {
        List<AuditEvent> items = auditLog.search(AuditQuery.of(organization)).items();

        assertThat(items).extracting(AuditEvent::at).containsExactly(t0.plusSeconds(240), t0.plusSeconds(180),
                t0.plusSeconds(120), t0.plusSeconds(60), t0);
        assertThat(items).allSatisfy(event -> assertThat(event.organizationId()).isEqualTo(organization));
    }

    @Test
    void whenAWorkspaceAdminOfASearchesThenNoEventOfWorkspaceBOrTheOrganizationLevelIsReturned() {
        AuditQuery asAdminOfA = AuditQuery.of(organization).visibleTo(Set.of(workspaceA));

        List<AuditEvent> items = auditLog.search(asAdminOfA).items();
        List<AuditEvent> askingForB = auditLog.search(asAdminOfA.inWorkspace(workspaceB)).items();

        assertThat(items).extracting(AuditEvent::workspaceId).containsOnly(workspaceA).hasSize(2);
        assertThat(askingForB).isEmpty();
    }

    @Test
    void whenTheViewerMaySeeNoWorkspaceThenNothingIsReturned() {
        assertThat(auditLog.search(AuditQuery.of(organization).visibleTo(Set.of())).items()).isEmpty();
    }

    @Test
    void whenFilteredByActorActionTargetWorkspaceOrDateThenOnlyMatchingEventsAreReturned() {
        AuditQuery all = AuditQuery.of(organization);

        assertThat(auditLog.search(all.byActor(alice.userId())).items()).hasSize(3)
                .allSatisfy(event -> assertThat(event.actor()).isEqualTo(alice));
        assertThat(auditLog.search(all.withAction("connection.connected")).items()).extracting(AuditEvent::targetId)
                .containsExactly("c-2", "c-1");
        assertThat(auditLog.search(all.onTarget("connection", "c-1")).items()).hasSize(1);
        assertThat(auditLog.search(all.inWorkspace(workspaceB)).items()).hasSize(2);
        assertThat(auditLog.search(all.between(t0.plusSeconds(60), t0.plusSeconds(180))).items())
                .extracting(AuditEvent::at).containsExactly(t0.plusSeconds(120), t0.plusSeconds(60));
    }

    @Test
    void whenPagingWithTheCursorThenEveryEventComesExactlyOnce() {
        List<AuditEvent> seen = new ArrayList<>();
        CursorPage<AuditEvent> page = auditLog.search(AuditQuery.of(organization).withLimit(2));
        seen.addAll(page.items());
        int pages = 1;
        while (page.nextCursor() != null) {
            page = auditLog.search(AuditQuery.of(organization).withLimit(2).after(page.nextCursor()));
            seen.addAll(page.items());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(AuditEvent::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(auditLog.search(AuditQuery.of(organization)).items().stream()
                        .map(AuditEvent::id).toList());
    }

    @Test
    void whenTheCursorIsMalformedThenTheSearchIsRejectedAsInvalidInput() {
        for (String bad : List.of("garbage", "djE6MTIzOm5vdC1hLXV1aWQ", "%%%", "x".repeat(200))) {
            assertThatThrownBy(() -> auditLog.search(AuditQuery.of(organization).after(bad)))
                    .isInstanceOfSatisfying(InvalidAuditInputException.class,
                            e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void whenTheLimitIsOutOfRangeThenTheQueryIsRejected() {
        assertThatThrownBy(() -> AuditQuery.of(organization).withLimit(0)).isInstanceOf(InvalidAuditInputException.class);
        assertThatThrownBy(() -> AuditQuery.of(organization).withLimit(501)).isInstanceOf(InvalidAuditInputException.class);
    }
}
