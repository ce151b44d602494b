package com.tttools.app.tenancy.core;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.CurrencyCode;
import com.tttools.app.shared.validation.DisplayName;
import com.tttools.app.shared.validation.TimeZoneName;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenancyEvents;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces of an organization and their members; deletion is soft for {@link #RESTORABLE_FOR}. */
@Service
@Transactional
public class WorkspaceService {

    public static final Duration RESTORABLE_FOR = Duration.ofDays(30);
    static final String WORKSPACE_ROLES = "ADMIN, OPERATOR, ANALYST";

    /** A new workspace as requests give it; the constraints are checked by the web layer and again here. */
    public record NewWorkspace(@DisplayName String name, @TimeZoneName String timezone,
            @CurrencyCode String currency) {
    }

    public record WorkspaceView(String id, String organizationId, String name, String timezone, String currency,
            String role) {

        static WorkspaceView of(WorkspaceAccess access) {
            return new WorkspaceView(access.workspaceId().toString(), access.organizationId().toString(),
                    access.workspaceName(), access.timezone(), access.currency(), access.role().name());
        }
    }

    public record DeletedWorkspace(String id, String name, Instant deletedAt, Instant purgeAfter) {
    }

    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;
    private final PreferenceRepository preferences;
    private final TenantAccessService access;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceService(WorkspaceRepository workspaces, OrganizationRepository organizations,
            PreferenceRepository preferences, TenantAccessService access, Members members,
            ApplicationEventPublisher events, Clock clock) {
        this.workspaces = workspaces;
        this.organizations = organizations;
        this.preferences = preferences;
        this.access = access;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    static NewWorkspace validate(Inputs inputs, NewWorkspace request, String prefix) {
        return new NewWorkspace(inputs.name(prefix + "name", request.name()),
                inputs.timezone(prefix + "timezone", request.timezone()),
                inputs.currency(prefix + "currency", request.currency()));
    }

    public WorkspaceView create(AuthenticatedUser caller, OrganizationId organizationId, NewWorkspace request,
            RequestMetadata metadata) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.CREATE_WORKSPACE);
        Inputs inputs = new Inputs();
        NewWorkspace valid = validate(inputs, request == null ? new NewWorkspace(null, null, null) : request, "");
        inputs.check();
        Instant now = clock.instant();
        WorkspaceId id = WorkspaceId.random();
        workspaces.insert(new WorkspaceRepository.Workspace(id, organizationId, valid.name(), valid.timezone(),
                valid.currency(), null), now);
        preferences.remember(caller.id(), organizationId, id, now);
        events.publishEvent(new TenancyEvents.WorkspaceCreated(id, organizationId, valid.name(), valid.timezone(),
                valid.currency(), OrganizationService.actor(caller), metadata, now));
        return WorkspaceView.of(access.requireWorkspace(caller.id(), id, WorkspacePermission.VIEW_WORKSPACE));
    }

    @Transactional(readOnly = true)
    public List<WorkspaceView> list(AuthenticatedUser caller, OrganizationId organizationId) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.VIEW_ORGANIZATION);
        return access.visibleWorkspaceAccess(caller.id(), organizationId).stream().map(WorkspaceView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<DeletedWorkspace> deleted(AuthenticatedUser caller, OrganizationId organizationId) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.DELETE_WORKSPACE);
        return workspaces.deleted(organizationId).stream()
                .map(w -> new DeletedWorkspace(w.id().toString(), w.name(), w.deletedAt(),
                        w.deletedAt().plus(RESTORABLE_FOR)))
                .toList();
    }

    /**
     * Changes the workspace's reporting currency (workspace ADMIN): reports, the home and CSVs convert into it from
     * the next request on. Audited with the old and new code; setting the current one changes nothing.
     */
    public WorkspaceView changeCurrency(AuthenticatedUser caller, WorkspaceId workspaceId, String currency,
            RequestMetadata metadata) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId,
                WorkspacePermission.MANAGE_WORKSPACE_SETTINGS);
        if (currency == null || currency.isBlank()) {
            throw new com.tttools.app.shared.ValidationFailedException(List.of(new com.tttools.app.shared.FieldProblem(
                    "currency", "must be an ISO 4217 currency code such as EUR")));
        }
        Inputs inputs = new Inputs();
        String valid = inputs.currency("currency", currency.strip());
        inputs.check();
        if (!valid.equals(ws.currency())) {
            Instant now = clock.instant();
            workspaces.changeCurrency(ws.organizationId(), workspaceId, valid);
            events.publishEvent(new TenancyEvents.WorkspaceCurrencyChanged(workspaceId, ws.organizationId(),
                    ws.currency(), valid, OrganizationService.actor(caller), metadata, now));
        }
        return WorkspaceView.of(access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE));
    }

    @Transactional(readOnly = true)
    public WorkspaceView get(AuthenticatedUser caller, WorkspaceId workspaceId) {
        return WorkspaceView.of(access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE));
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(AuthenticatedUser caller, WorkspaceId workspaceId) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        return members.describe(workspaces.members(ws.organizationId(), workspaceId),
                WorkspaceRepository.Member::userId, m -> m.role().name());
    }

    /** Grants or changes a workspace role; the user must already be a member of the organization. */
    public MemberView setMember(AuthenticatedUser caller, WorkspaceId workspaceId, UserId userId, String role,
            RequestMetadata metadata) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId,
                WorkspacePermission.MANAGE_WORKSPACE_MEMBERS);
        Inputs inputs = new Inputs();
        WorkspaceRole newRole = inputs.role("role", role, WorkspaceRole::parse, WORKSPACE_ROLES);
        inputs.check();
        organizations.lockForChange(ws.organizationId());
        if (organizations.membership(ws.organizationId(), userId).isEmpty()) {
            throw new ValidationFailedException("userId", "must be a member of the organization first");
        }
        WorkspaceRole before = workspaces.memberRole(ws.organizationId(), workspaceId, userId).orElse(null);
        if (before != newRole) {
            workspaces.upsertMember(ws.organizationId(), workspaceId, userId, newRole, clock.instant());
            events.publishEvent(new TenancyEvents.WorkspaceMemberRoleChanged(workspaceId, ws.organizationId(), userId,
                    before, newRole, OrganizationService.actor(caller), metadata, clock.instant()));
        }
        return members.describe(List.of(userId), id -> id, id -> newRole.name()).get(0);
    }

    public void removeMember(AuthenticatedUser caller, WorkspaceId workspaceId, UserId userId,
            RequestMetadata metadata) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId,
                WorkspacePermission.MANAGE_WORKSPACE_MEMBERS);
        WorkspaceRole role = workspaces.memberRole(ws.organizationId(), workspaceId, userId)
                .orElseThrow(() -> new NotFoundException("Member"));
        workspaces.removeMember(ws.organizationId(), workspaceId, userId);
        events.publishEvent(new TenancyEvents.WorkspaceMemberRemoved(workspaceId, ws.organizationId(), userId, role,
                OrganizationService.actor(caller), metadata, clock.instant()));
    }

    /** Soft delete by an organization admin: hidden at once, restorable for 30 days, then purged. */
    public void delete(AuthenticatedUser caller, WorkspaceId workspaceId, RequestMetadata metadata) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        access.requireOrganization(caller.id(), ws.organizationId(), OrganizationPermission.DELETE_WORKSPACE);
        Instant now = clock.instant();
        workspaces.markDeleted(ws.organizationId(), workspaceId, caller.id(), now);
        events.publishEvent(new TenancyEvents.WorkspaceDeleted(workspaceId, ws.organizationId(), ws.workspaceName(),
                now.plus(RESTORABLE_FOR), OrganizationService.actor(caller), metadata, now));
    }

    public WorkspaceView restore(AuthenticatedUser caller, WorkspaceId workspaceId, RequestMetadata metadata) {
        var standing = workspaces.standing(workspaceId, caller.id(), true)
                .orElseThrow(() -> new NotFoundException("Workspace"));
        var workspace = standing.workspace();
        if (!OrganizationPermission.DELETE_WORKSPACE.grantedTo(standing.organizationRole())) {
            if (workspace.deletedAt() != null || standing.workspaceRole() == null) {
                throw new NotFoundException("Workspace");
            }
            throw new ForbiddenException("Only organization owners and admins restore workspaces.");
        }
        if (workspace.deletedAt() == null) {
            throw new ConflictException("This workspace is not deleted.");
        }
        workspaces.restore(workspace.organizationId(), workspaceId);
        events.publishEvent(new TenancyEvents.WorkspaceRestored(workspaceId, workspace.organizationId(),
                workspace.name(), OrganizationService.actor(caller), metadata, clock.instant()));
        return get(caller, workspaceId);
    }

    /** Makes the workspace the caller's current one (remembered for the next sign-in). */
    public WorkspaceView switchTo(AuthenticatedUser caller, WorkspaceId workspaceId) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        preferences.remember(caller.id(), ws.organizationId(), workspaceId, clock.instant());
        return WorkspaceView.of(ws);
    }

    /** Removes workspaces deleted more than 30 days ago; returns how many. */
    public int purgeExpired(int batch) {
        Instant now = clock.instant();
        var expired = workspaces.lockExpired(now.minus(RESTORABLE_FOR), batch);
        for (var workspace : expired) {
            workspaces.purge(workspace.organizationId(), workspace.id());
            events.publishEvent(new TenancyEvents.WorkspacePurged(workspace.id(), workspace.organizationId(),
                    workspace.name(), now));
        }
        return expired.size();
    }
}
