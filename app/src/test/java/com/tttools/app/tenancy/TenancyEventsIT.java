package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.InvitationId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tenancy.core.InvitationService;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.WorkspaceService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Every membership, role, invitation and workspace change publishes an auditable event. */
@RecordApplicationEvents
class TenancyEventsIT extends IntegrationTest {

    private static final RequestMetadata REQUEST = new RequestMetadata("203.0.113.9", "tenancy-events-test", "req-tenancy");

    @Autowired
    OrganizationService organizations;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    InvitationService invitations;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    ApplicationEvents events;

    @Test
    void membershipRoleInvitationAndWorkspaceChangesAreAuditable() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User ownerAccount = tenants.verifiedUser("events-owner");
        Tenants.User colleagueAccount = tenants.verifiedUser("events-colleague");
        AuthenticatedUser owner = principal(ownerAccount);
        AuthenticatedUser colleague = principal(colleagueAccount);

        var created = organizations.create(owner, "Audited Org", new WorkspaceService.NewWorkspace("Audited WS", null, null), REQUEST);
        OrganizationId org = created.organizationId();
        WorkspaceId ws = WorkspaceId.of(created.firstWorkspace().id());
        var invitation = invitations.invite(owner, org, colleagueAccount.email(), "MEMBER", List.of(), REQUEST);
        String first = tenants.invitationToken(colleagueAccount.email());
        invitations.resend(owner, org, InvitationId.of(invitation.id()), REQUEST);
        invitations.accept(colleague, tenants.resentInvitationToken(colleagueAccount.email(), first), REQUEST);
        organizations.changeRole(owner, org, colleague.id(), "ADMIN", REQUEST);
        workspaces.setMember(owner, ws, colleague.id(), "OPERATOR", REQUEST);
        workspaces.setMember(owner, ws, colleague.id(), "ANALYST", REQUEST);
        workspaces.removeMember(owner, ws, colleague.id(), REQUEST);
        workspaces.delete(owner, ws, REQUEST);
        workspaces.restore(owner, ws, REQUEST);
        var second = invitations.invite(owner, org, "someone-" + colleagueAccount.email(), "MEMBER", List.of(), REQUEST);
        invitations.revoke(owner, org, InvitationId.of(second.id()), REQUEST);
        organizations.transferOwnership(owner, org, colleague.id(), REQUEST);
        organizations.removeMember(colleague, org, owner.id(), REQUEST);
        organizations.delete(colleague, org, "Audited Org", REQUEST);

        List<AuditEntry> entries = events.stream(AuditableEvent.class).map(AuditableEvent::auditEntry)
                .filter(e -> org.equals(e.organizationId())).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly(
                "organization.created", "workspace.created", "member.invited", "invitation.resent",
                "invitation.accepted", "member.role_changed", "workspace_member.added",
                "workspace_member.role_changed", "workspace_member.removed", "workspace.deleted",
                "workspace.restored", "member.invited", "invitation.revoked", "member.role_changed",
                "member.role_changed", "organization.ownership_transferred", "member.removed",
                "organization.deleted");
        AuditEntry roleChange = entries.get(5);
        assertThat(roleChange.details()).isEqualTo(Map.of("role", Map.of("before", "MEMBER", "after", "ADMIN")));
        assertThat(roleChange.actor().userId()).isEqualTo(owner.id());
        assertThat(roleChange.targetId()).isEqualTo(colleague.id().toString());
        assertThat(entries.get(9).workspaceId()).isEqualTo(ws);
        assertThat(entries).allSatisfy(e -> assertThat(e.details().toString()).doesNotContainIgnoringCase("token"));
        // each service records the request metadata its caller passed down
        assertThat(entries).extracting(AuditEntry::request).containsOnly(REQUEST);
    }

    private static AuthenticatedUser principal(Tenants.User user) {
        return new AuthenticatedUser(UserId.of(user.id()), user.email(), "Test", false);
    }
}
