package com.tttools.app.audit;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which audit events to list. Only {@code organizationId} is required; every other filter is optional (null).
 *
 * @param organizationId    the organization whose log is read
 * @param visibleWorkspaces the workspaces the viewer may see, or null for all (organization ADMIN+). With a
 *                          set, events outside any workspace (organization-level ones) are not visible.
 * @param from              inclusive lower bound of the event time
 * @param to                exclusive upper bound of the event time
 * @param actorUserId       events done by this user
 * @param action            events with this action code (see {@link AuditAction})
 * @param workspaceId       events of this workspace
 * @param targetType        events on targets of this type
 * @param targetId          events on this target id
 * @param limit             page size, 1..500
 * @param cursor            the previous page's {@code nextCursor}, or null for the first page
 * @param automaticOnly     only events no person did (system actors: jobs, scheduled tasks)
 */
public record AuditQuery(
        OrganizationId organizationId,
        Set<WorkspaceId> visibleWorkspaces,
        Instant from,
        Instant to,
        UserId actorUserId,
        String action,
        WorkspaceId workspaceId,
        String targetType,
        String targetId,
        int limit,
        String cursor,
        boolean automaticOnly) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** The actor filter's value for {@link #byAutomaticActors()} (page and API), in place of a user id. */
    public static final String AUTOMATIC = "automatic";

    public AuditQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        visibleWorkspaces = visibleWorkspaces == null ? null : Set.copyOf(visibleWorkspaces);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditInputException("from", "must be before to");
        }
    }

    /** Everything in the organization's log, first page of {@value #DEFAULT_LIMIT}. */
    public static AuditQuery of(OrganizationId organizationId) {
        return new AuditQuery(organizationId, null, null, null, null, null, null, null, null, DEFAULT_LIMIT, null,
                false);
    }

    public AuditQuery visibleTo(Set<WorkspaceId> workspaces) {
        return new AuditQuery(organizationId, workspaces, from, to, actorUserId, action, workspaceId, targetType,
                targetId, limit, cursor, automaticOnly);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(organizationId, visibleWorkspaces, fromInclusive, toExclusive, actorUserId, action,
                workspaceId, targetType, targetId, limit, cursor, automaticOnly);
    }

    public AuditQuery byActor(UserId actor) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actor, action, workspaceId, targetType,
                targetId, limit, cursor, automaticOnly);
    }

    /** Only what jobs and scheduled tasks did (the page's "Who: Automatic"). */
    public AuditQuery byAutomaticActors() {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, action, workspaceId, targetType,
                targetId, limit, cursor, true);
    }

    public AuditQuery withAction(String actionCode) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, actionCode, workspaceId,
                targetType, targetId, limit, cursor, automaticOnly);
    }

    public AuditQuery inWorkspace(WorkspaceId workspace) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, action, workspace, targetType,
                targetId, limit, cursor, automaticOnly);
    }

    public AuditQuery onTarget(String type, String id) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, action, workspaceId, type, id,
                limit, cursor, automaticOnly);
    }

    public AuditQuery withLimit(int pageSize) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, action, workspaceId, targetType,
                targetId, pageSize, cursor, automaticOnly);
    }

    public AuditQuery after(String nextCursor) {
        return new AuditQuery(organizationId, visibleWorkspaces, from, to, actorUserId, action, workspaceId, targetType,
                targetId, limit, nextCursor, automaticOnly);
    }
}
