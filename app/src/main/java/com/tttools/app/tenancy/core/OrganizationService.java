package com.tttools.app.tenancy.core;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.TenancyEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their members. Every change locks the organization row first, so membership changes of
 * one organization run one at a time and the last-owner rule cannot be raced.
 */
@Service
@Transactional
public class OrganizationService {

    static final String LAST_OWNER = "An organization must keep at least one owner: make someone else owner first.";
    static final String ORG_ROLES = "OWNER, ADMIN, MEMBER";

    private final OrganizationRepository organizations;
    private final TenantAccessService access;
    private final WorkspaceService workspaces;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, TenantAccessService access, WorkspaceService workspaces,
            Members members, ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.access = access;
        this.workspaces = workspaces;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    public record Created(OrganizationId organizationId, String name, WorkspaceService.WorkspaceView firstWorkspace) {
    }

    /** Creates an organization with the caller as OWNER, and optionally its first workspace (onboarding). */
    public Created create(AuthenticatedUser caller, String name, WorkspaceService.NewWorkspace firstWorkspace,
            RequestMetadata request) {
        Inputs inputs = new Inputs();
        String organizationName = inputs.name("name", name);
        if (firstWorkspace != null) {
            WorkspaceService.validate(inputs, firstWorkspace, "workspace.");
        }
        inputs.check();
        Instant now = clock.instant();
        OrganizationId id = OrganizationId.random();
        organizations.insert(id, organizationName, caller.id(), now);
        organizations.addMember(id, caller.id(), OrganizationRole.OWNER, now);
        events.publishEvent(new TenancyEvents.OrganizationCreated(id, organizationName, actor(caller),
                request, now));
        WorkspaceService.WorkspaceView workspace = firstWorkspace == null ? null
                : workspaces.create(caller, id, firstWorkspace, request);
        return new Created(id, organizationName, workspace);
    }

    @Transactional(readOnly = true)
    public OrganizationAccess get(AuthenticatedUser caller, OrganizationId organizationId) {
        return access.requireOrganization(caller.id(), organizationId, OrganizationPermission.VIEW_ORGANIZATION);
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(AuthenticatedUser caller, OrganizationId organizationId) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.VIEW_ORGANIZATION);
        return members.describe(organizations.members(organizationId), OrganizationRepository.Member::userId,
                m -> m.role().name());
    }

    /** When each current member joined (their security events are shown from then on only); needs the audit log permission. */
    public Map<UserId, Instant> membersJoinedAt(AuthenticatedUser caller, OrganizationId organizationId) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.READ_AUDIT_LOG);
        return organizations.members(organizationId).stream()
                .collect(Collectors.toMap(OrganizationRepository.Member::userId, OrganizationRepository.Member::joinedAt));
    }

    public MemberView changeRole(AuthenticatedUser caller, OrganizationId organizationId, UserId userId, String role,
            RequestMetadata request) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.MANAGE_ORG_MEMBERS);
        Inputs inputs = new Inputs();
        OrganizationRole newRole = inputs.role("role", role, OrganizationRole::parse, ORG_ROLES);
        inputs.check();
        OrganizationAccess self = lockAndRequire(caller, organizationId, OrganizationPermission.MANAGE_ORG_MEMBERS);
        if (!self.role().atLeast(newRole)) {
            throw new ValidationFailedException("role", "must not be above your own role (" + self.role() + ")");
        }
        OrganizationRole before = memberRole(organizationId, userId);
        if (before == OrganizationRole.OWNER && self.role() != OrganizationRole.OWNER) {
            throw new ForbiddenException("Only an owner can change an owner's role.");
        }
        if (before != newRole) {
            if (before == OrganizationRole.OWNER && organizations.countOwners(organizationId) <= 1) {
                throw new ConflictException(LAST_OWNER);
            }
            organizations.changeRole(organizationId, userId, newRole);
            events.publishEvent(new TenancyEvents.MemberRoleChanged(organizationId, userId, before, newRole,
                    actor(caller), request, clock.instant()));
        }
        return members.describe(List.of(userId), id -> id, id -> newRole.name()).get(0);
    }

    /** Removes a member (or the caller themself, which is leaving); their sessions lose access on the next request. */
    public void removeMember(AuthenticatedUser caller, OrganizationId organizationId, UserId userId,
            RequestMetadata request) {
        if (caller.id().equals(userId)) {
            leave(caller, organizationId, request);
            return;
        }
        OrganizationAccess self = lockAndRequire(caller, organizationId, OrganizationPermission.MANAGE_ORG_MEMBERS);
        OrganizationRole role = memberRole(organizationId, userId);
        if (role == OrganizationRole.OWNER && self.role() != OrganizationRole.OWNER) {
            throw new ForbiddenException("Only an owner can remove an owner.");
        }
        remove(caller, organizationId, userId, role, false, request);
    }

    public void leave(AuthenticatedUser caller, OrganizationId organizationId, RequestMetadata request) {
        lockAndRequire(caller, organizationId, OrganizationPermission.VIEW_ORGANIZATION);
        remove(caller, organizationId, caller.id(), memberRole(organizationId, caller.id()), true, request);
    }

    /** Makes another member OWNER; the caller stays in the organization as ADMIN. */
    public void transferOwnership(AuthenticatedUser caller, OrganizationId organizationId, UserId newOwner,
            RequestMetadata request) {
        lockAndRequire(caller, organizationId, OrganizationPermission.TRANSFER_OWNERSHIP);
        OrganizationRole before = organizations.membership(organizationId, newOwner)
                .map(OrganizationRepository.Membership::role)
                .orElseThrow(() -> new ValidationFailedException("userId", "must be a member of this organization"));
        if (newOwner.equals(caller.id())) {
            throw new ValidationFailedException("userId", "must be another member");
        }
        Instant now = clock.instant();
        organizations.changeRole(organizationId, newOwner, OrganizationRole.OWNER);
        organizations.changeRole(organizationId, caller.id(), OrganizationRole.ADMIN);
        events.publishEvent(new TenancyEvents.MemberRoleChanged(organizationId, newOwner, before,
                OrganizationRole.OWNER, actor(caller), request, now));
        events.publishEvent(new TenancyEvents.MemberRoleChanged(organizationId, caller.id(), OrganizationRole.OWNER,
                OrganizationRole.ADMIN, actor(caller), request, now));
        events.publishEvent(new TenancyEvents.OwnershipTransferred(organizationId, caller.id(), newOwner,
                actor(caller), request, now));
    }

    /** Deletes the organization with everything in it; the caller must type its name to confirm. */
    public void delete(AuthenticatedUser caller, OrganizationId organizationId, String confirmation,
            RequestMetadata request) {
        OrganizationAccess self = access.requireOrganization(caller.id(), organizationId,
                OrganizationPermission.DELETE_ORGANIZATION);
        if (confirmation == null || !confirmation.strip().equals(self.organizationName())) {
            throw new ValidationFailedException("confirmName", "must be the organization's name, exactly");
        }
        lock(organizationId);
        List<UserId> former = organizations.members(organizationId).stream()
                .map(OrganizationRepository.Member::userId).toList();
        deleteLocked(organizationId, self.organizationName(), former, actor(caller), request);
    }

    /**
     * Deletes the organization exactly as {@link #delete} does, when {@code userId} is (under the organization
     * lock) its only member; used when that user's account is erased. Returns the organization's name when it was
     * deleted. Joins the caller's transaction.
     */
    Optional<String> deleteIfOnlyMember(OrganizationId organizationId, UserId userId, Actor actor,
            RequestMetadata request) {
        Optional<String> name = organizations.lockForChange(organizationId);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<UserId> former = organizations.members(organizationId).stream()
                .map(OrganizationRepository.Member::userId).toList();
        if (!former.equals(List.of(userId))) {
            return Optional.empty();
        }
        deleteLocked(organizationId, name.get(), former, actor, request);
        return name;
    }

    /** The organization row is locked: its workspaces go by cascade, every module purges on the event. */
    private void deleteLocked(OrganizationId organizationId, String name, List<UserId> former, Actor actor,
            RequestMetadata request) {
        List<WorkspaceId> workspaceIds = organizations.workspaceIds(organizationId);
        organizations.delete(organizationId);
        events.publishEvent(new TenancyEvents.OrganizationDeleted(organizationId, name, former, workspaceIds, actor,
                request, clock.instant()));
    }

    private void remove(AuthenticatedUser caller, OrganizationId organizationId, UserId userId, OrganizationRole role,
            boolean leaving, RequestMetadata request) {
        if (role == OrganizationRole.OWNER && organizations.countOwners(organizationId) <= 1) {
            throw new ConflictException(LAST_OWNER);
        }
        organizations.removeMember(organizationId, userId);
        events.publishEvent(new TenancyEvents.MemberRemoved(organizationId, userId, role, leaving, actor(caller),
                request, clock.instant()));
    }

    private void lock(OrganizationId organizationId) {
        organizations.lockForChange(organizationId).orElseThrow(() -> new NotFoundException("Organization"));
    }

    /**
     * Checks the caller's role (404 for outsiders, who never reach the lock), takes the organization lock, and
     * checks again: a concurrent demotion of the caller committed while we waited counts.
     */
    private OrganizationAccess lockAndRequire(AuthenticatedUser caller, OrganizationId organizationId,
            OrganizationPermission permission) {
        access.requireOrganization(caller.id(), organizationId, permission);
        lock(organizationId);
        return access.requireOrganization(caller.id(), organizationId, permission);
    }

    private OrganizationRole memberRole(OrganizationId organizationId, UserId userId) {
        return organizations.membership(organizationId, userId).map(OrganizationRepository.Membership::role)
                .orElseThrow(() -> new NotFoundException("Member"));
    }

    static Actor actor(AuthenticatedUser caller) {
        return Actor.user(caller.id(), caller.email());
    }
}
