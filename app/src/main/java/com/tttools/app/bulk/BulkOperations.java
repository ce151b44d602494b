package com.tttools.app.bulk;

import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.Optional;

/**
 * Change sets of a workspace. The caller has checked the role (OPERATOR to plan, apply, cancel and revert; ADMIN to
 * approve, reject and set the policy); the facade enforces the rest: the two-person rule, the policy, the
 * guardrails, the states. Everything is scoped by workspace: another workspace's change set is not found.
 */
public interface BulkOperations {

    /** Who acts. */
    record Caller(UserId userId, String email, RequestMetadata request) {
    }

    /**
     * Plans a change set (before values read from TikTok now). A repeat with the same idempotency key and the same
     * command returns the first change set.
     *
     * @throws com.tttools.app.shared.ValidationFailedException empty selection, mixed currencies in an amount
     *                                                          change, a broken guardrail (the reason named), ...
     */
    ChangeSetView plan(Caller caller, WorkspaceId workspaceId, PlanCommand command, String idempotencyKey);

    Optional<ChangeSetView> find(WorkspaceId workspaceId, String id);

    /** The change set without its lines ({@code lines} null): counts and totals only, however many lines it has. */
    Optional<ChangeSetView> summary(WorkspaceId workspaceId, String id);

    /**
     * The change set's lines in order, {@code limit} (1..500) at a time; {@code cursor} is the previous page's
     * {@code nextCursor} (null: the first page).
     *
     * @throws com.tttools.app.shared.NotFoundException         no such change set in the workspace
     * @throws com.tttools.app.shared.ValidationFailedException a limit out of range, a cursor not of these lines
     */
    CursorPage<ChangeSetView.Line> lines(WorkspaceId workspaceId, String id, int limit, String cursor);

    /** Each warning of the change set's lines with how many lines carry it, most frequent first. */
    java.util.List<ChangeSetView.Warning> warnings(WorkspaceId workspaceId, String id);

    /** Newest first, without lines (counts only). */
    CursorPage<ChangeSetView> list(WorkspaceId workspaceId, ChangeSetStatus status, int limit, String cursor);

    ChangeSetView approve(Caller caller, WorkspaceId workspaceId, String id, String comment);

    ChangeSetView reject(Caller caller, WorkspaceId workspaceId, String id, String reason);

    /** Starts applying an APPROVED change set; returns the job id. */
    String apply(Caller caller, WorkspaceId workspaceId, String id);

    /** Stops an applying change set after its current chunk, or drops one not yet applied. */
    ChangeSetView cancel(Caller caller, WorkspaceId workspaceId, String id);

    /** Plans the inverse of a finished change set (written lines unchanged since), under the same policy. */
    ChangeSetView revert(Caller caller, WorkspaceId workspaceId, String id);

    BulkPolicy policy(WorkspaceId workspaceId);

    BulkPolicy updatePolicy(Caller caller, WorkspaceId workspaceId, BulkPolicy policy);
}
