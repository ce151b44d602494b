package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Past-tense events of the tenancy module, published inside the transaction that made the change. Each says
 * how it reads in the audit log (action names from docs/audit-actions.md).
 */
public final class TenancyEvents {

    private TenancyEvents() {
    }

    public record OrganizationCreated(OrganizationId organizationId, String name, Actor actor, RequestMetadata request,
            Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("organization.created", actor, "organization", organizationId.toString(), organizationId,
                    null, request, Map.of("name", name), at);
        }
    }

    /**
     * The organization and, with it, every workspace in it ({@code workspaceIds}, soft-deleted ones included) are
     * gone for good. Modules holding workspace data purge theirs, and TikTok access is disconnected.
     */
    public record OrganizationDeleted(OrganizationId organizationId, String name, List<UserId> formerMembers,
            List<WorkspaceId> workspaceIds, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {

        public OrganizationDeleted {
            // publications stored before the field existed deserialize it as null
            workspaceIds = workspaceIds == null ? List.of() : List.copyOf(workspaceIds);
        }

        @Override
        public AuditEntry auditEntry() {
            return entry("organization.deleted", actor, "organization", organizationId.toString(), organizationId,
                    null, request, Map.of("name", name), at);
        }
    }

    public record WorkspaceCreated(WorkspaceId workspaceId, OrganizationId organizationId, String name,
            String timezone, String currency, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace.created", actor, "workspace", workspaceId.toString(), organizationId, workspaceId,
                    request, Map.of("name", name, "timezone", timezone, "currency", currency), at);
        }
    }

    public record WorkspaceCurrencyChanged(WorkspaceId workspaceId, OrganizationId organizationId, String before,
            String after, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace.currency_changed", actor, "workspace", workspaceId.toString(), organizationId,
                    workspaceId, request, Map.of("before", before, "after", after), at);
        }
    }

    public record WorkspaceDeleted(WorkspaceId workspaceId, OrganizationId organizationId, String name,
            Instant purgeAfter, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace.deleted", actor, "workspace", workspaceId.toString(), organizationId, workspaceId,
                    request, Map.of("name", name, "purgeAfter", purgeAfter.toString()), at);
        }
    }

    public record WorkspaceRestored(WorkspaceId workspaceId, OrganizationId organizationId, String name, Actor actor,
            RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace.restored", actor, "workspace", workspaceId.toString(), organizationId, workspaceId,
                    request, Map.of("name", name), at);
        }
    }

    /** A soft-deleted workspace's 30 days ran out and it was removed for good (by the purge job). */
    public record WorkspacePurged(WorkspaceId workspaceId, OrganizationId organizationId, String name, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace.purged", Actor.system("job:workspace-purge"), "workspace", workspaceId.toString(),
                    organizationId, workspaceId, RequestMetadata.none(), Map.of("name", name), at);
        }
    }

    public record MemberInvited(String invitationId, OrganizationId organizationId, String email, OrganizationRole role,
            List<Map<String, String>> workspaceGrants, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("member.invited", actor, "invitation", invitationId, organizationId, null, request,
                    Map.of("email", email, "role", role.name(), "workspaces", workspaceGrants), at);
        }
    }

    public record InvitationResent(String invitationId, OrganizationId organizationId, String email, Actor actor,
            RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("invitation.resent", actor, "invitation", invitationId, organizationId, null, request,
                    Map.of("email", email), at);
        }
    }

    public record InvitationRevoked(String invitationId, OrganizationId organizationId, String email, Actor actor,
            RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("invitation.revoked", actor, "invitation", invitationId, organizationId, null, request,
                    Map.of("email", email), at);
        }
    }

    public record InvitationAccepted(String invitationId, OrganizationId organizationId, UserId userId, String email,
            OrganizationRole role, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("invitation.accepted", actor, "user", userId.toString(), organizationId, null, request,
                    Map.of("invitationId", invitationId, "email", email, "role", role.name()), at);
        }
    }

    public record MemberRoleChanged(OrganizationId organizationId, UserId userId, OrganizationRole before,
            OrganizationRole after, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("member.role_changed", actor, "user", userId.toString(), organizationId, null, request,
                    Map.of("role", Map.of("before", before.name(), "after", after.name())), at);
        }
    }

    /** Removed by an admin, or left ({@code leftVoluntarily}). */
    public record MemberRemoved(OrganizationId organizationId, UserId userId, OrganizationRole role,
            boolean leftVoluntarily, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry(leftVoluntarily ? "member.left" : "member.removed", actor, "user", userId.toString(),
                    organizationId, null, request, Map.of("role", role.name()), at);
        }
    }

    public record OwnershipTransferred(OrganizationId organizationId, UserId fromUserId, UserId toUserId, Actor actor,
            RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("organization.ownership_transferred", actor, "organization", organizationId.toString(),
                    organizationId, null, request,
                    Map.of("from", fromUserId.toString(), "to", toUserId.toString()), at);
        }
    }

    /** A workspace role was granted or changed; {@code before} is null for a new workspace member. */
    public record WorkspaceMemberRoleChanged(WorkspaceId workspaceId, OrganizationId organizationId, UserId userId,
            WorkspaceRole before, WorkspaceRole after, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("before", before == null ? "" : before.name());
            role.put("after", after.name());
            return entry(before == null ? "workspace_member.added" : "workspace_member.role_changed", actor, "user",
                    userId.toString(), organizationId, workspaceId, request, Map.of("role", role), at);
        }
    }

    public record WorkspaceMemberRemoved(WorkspaceId workspaceId, OrganizationId organizationId, UserId userId,
            WorkspaceRole role, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("workspace_member.removed", actor, "user", userId.toString(), organizationId, workspaceId,
                    request, Map.of("role", role.name()), at);
        }
    }

    private static AuditEntry entry(String action, Actor actor, String targetType, String targetId,
            OrganizationId organizationId, WorkspaceId workspaceId, RequestMetadata request,
            Map<String, Object> details, Instant at) {
        return new AuditEntry(action, actor, targetType, targetId, organizationId, workspaceId, request, details, at);
    }
}
