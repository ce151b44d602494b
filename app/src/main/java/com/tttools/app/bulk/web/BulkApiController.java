package com.tttools.app.bulk.web;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.bulk.WeeklySchedule;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Change sets of a workspace: plan, approve or reject, apply, cancel, revert; the workspace's bulk policy. */
@RestController
@Tag(name = "Bulk operations", description = "Change sets: plan, approve, apply, verify, revert (docs/bulk-operations.md)")
class BulkApiController {

    private static final String BASE = "/api/v1/workspaces/{wsId}/bulk-operations";

    private final BulkOperations bulk;
    BulkApiController(BulkOperations bulk) {
        this.bulk = bulk;
    }

    /** The body of a plan request; enums as text so that a wrong one is a 422 naming the field. */
    record PlanRequest(String action, String level, List<String> targets, FilterRequest filter, ValueRequest value,
            Instant runAt, WeeklySchedule schedule) {
    }

    record FilterRequest(String advertiserId, String campaignId, String status, String q) {
    }

    record ValueRequest(BigDecimal amount, BigDecimal percent, BigDecimal floor, BigDecimal ceiling) {
    }

    record ApproveRequest(String comment) {
    }

    record RejectRequest(String reason) {
    }

    @PostMapping(BASE)
    @Operation(summary = "Plan a change set", description = "Reads the targets' current values from TikTok and stores "
            + "the plan; nothing is written at TikTok. 422 for an empty selection, mixed currencies in an amount change "
            + "or a broken guardrail (the reason named); 404 when a target is not in this workspace. A repeat with the "
            + "same Idempotency-Key and body returns the first change set.")
    ResponseEntity<ChangeSetView> plan(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody PlanRequest body,
            @Parameter(in = ParameterIn.HEADER, description = "repeat-safe key: same key and body, same change set")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, RequestMetadata request) {
        PlanCommand command = new PlanCommand(parse(BulkAction.class, "action", body.action()),
                parse(BulkLevel.class, "level", body.level()), body.targets(),
                body.filter() == null ? null : new PlanCommand.Filter(body.filter().advertiserId(),
                        body.filter().campaignId(), body.filter().status(), body.filter().q()),
                body.value() == null ? null : new PlanCommand.Value(body.value().amount(), body.value().percent(),
                        body.value().floor(), body.value().ceiling()),
                body.runAt(), body.schedule());
        return ResponseEntity.status(HttpStatus.CREATED).body(bulk.plan(who(caller, request), ws, command, idempotencyKey));
    }

    @GetMapping(BASE)
    @Operation(summary = "List change sets", description = "Newest first, without lines.")
    CursorPage<ChangeSetView> list(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        return bulk.list(ws, status == null || status.isBlank() ? null : parse(ChangeSetStatus.class, "status", status),
                limit, cursor);
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "One change set with its lines")
    ChangeSetView get(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id) {
        return bulk.find(ws, id).orElseThrow(() -> new NotFoundException("Change set"));
    }

    @PostMapping(BASE + "/{id}/approve")
    @Operation(summary = "Approve", description = "A workspace ADMIN other than the author (403 otherwise).")
    ChangeSetView approve(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, @RequestBody(required = false) ApproveRequest body, RequestMetadata request) {
        return bulk.approve(who(caller, request), ws, id, body == null ? null : body.comment());
    }

    @PostMapping(BASE + "/{id}/reject")
    @Operation(summary = "Reject with a reason", description = "A workspace ADMIN other than the author.")
    ChangeSetView reject(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, @RequestBody(required = false) RejectRequest body, RequestMetadata request) {
        return bulk.reject(who(caller, request), ws, id, body == null ? null : body.reason());
    }

    @PostMapping(BASE + "/{id}/apply")
    @Operation(summary = "Apply an approved change set", description = "202 with the job id; 409 unless APPROVED; 422 "
            + "in blackout hours.")
    ResponseEntity<Map<String, String>> apply(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id, RequestMetadata request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", bulk.apply(who(caller, request), ws, id)));
    }

    @PostMapping(BASE + "/{id}/cancel")
    @Operation(summary = "Cancel", description = "An applying change set stops after its current chunk; one not yet "
            + "applied is dropped.")
    ResponseEntity<ChangeSetView> cancel(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, RequestMetadata request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(bulk.cancel(who(caller, request), ws, id));
    }

    @PostMapping(BASE + "/{id}/revert")
    @Operation(summary = "Plan the inverse change set", description = "From the recorded before values, for lines "
            + "applied and not changed at TikTok since; under the same approval policy.")
    ResponseEntity<ChangeSetView> revert(@RequireWorkspace(WorkspacePermission.CREATE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, RequestMetadata request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bulk.revert(who(caller, request), ws, id));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/bulk-policy")
    @Operation(summary = "The workspace's approval policy and guardrails")
    BulkPolicy policy(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId ws) {
        return bulk.policy(ws);
    }

    @PutMapping("/api/v1/workspaces/{wsId}/bulk-policy")
    @Operation(summary = "Change the approval policy and guardrails (workspace ADMIN)")
    BulkPolicy updatePolicy(@RequireWorkspace(WorkspacePermission.APPROVE_BULK_OPERATION) WorkspaceId ws,
            @AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody BulkPolicy body, RequestMetadata request) {
        return bulk.updatePolicy(who(caller, request), ws, body);
    }

    static BulkOperations.Caller who(AuthenticatedUser caller, RequestMetadata request) {
        return new BulkOperations.Caller(caller.id(), caller.email(), request);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailedException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
