package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditQuery;
import com.tttools.app.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of an audit query: always the organization first (every index starts with it), then
 * one fixed condition per filter that is set. Values are bound as named parameters, never concatenated.
 */
record AuditFilter(String where, Map<String, Object> params, boolean matchesNothing) {

    static AuditFilter of(AuditQuery query, PageCursor after) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        conditions.add("organization_id = :organizationId");
        params.put("organizationId", query.organizationId().value());
        boolean nothing = false;
        if (query.visibleWorkspaces() != null) {
            if (query.visibleWorkspaces().isEmpty()) {
                nothing = true;
            } else {
                conditions.add("workspace_id IN (:visibleWorkspaces)");
                params.put("visibleWorkspaces", query.visibleWorkspaces().stream().map(WorkspaceId::value).toList());
            }
        }
        if (query.workspaceId() != null) {
            conditions.add("workspace_id = :workspaceId");
            params.put("workspaceId", query.workspaceId().value());
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", SqlTime.of(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", SqlTime.of(query.to()));
        }
        if (query.actorUserId() != null) {
            conditions.add("actor_user_id = :actorUserId");
            params.put("actorUserId", query.actorUserId().value());
        }
        if (query.automaticOnly()) {
            conditions.add("actor_user_id IS NULL");
        }
        if (query.action() != null) {
            conditions.add("action = :action");
            params.put("action", query.action());
        }
        if (query.targetType() != null) {
            conditions.add("target_type = :targetType");
            params.put("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            conditions.add("target_id = :targetId");
            params.put("targetId", query.targetId());
        }
        if (after != null) {
            conditions.add("(occurred_at, id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", SqlTime.of(after.at()));
            params.put("cursorId", after.id());
        }
        return new AuditFilter(String.join("\n  AND ", conditions), params, nothing);
    }
}
