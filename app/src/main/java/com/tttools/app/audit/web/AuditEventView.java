package com.tttools.app.audit.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;

/** One item of {@code GET /api/v1/organizations/{orgId}/audit-events}, shaped as api.md gives it. */
record AuditEventView(
        String id,
        Instant at,
        ActorView actor,
        String action,
        TargetView target,
        String workspaceId,
        String ip,
        String userAgent,
        String requestId,
        Map<String, Object> details) {

    /** {@code system} names the job when no user acted. */
    record ActorView(String userId, String email, String system) {
        @Override
        public String toString() {
            return "ActorView[userId=" + userId + ", email=" + MaskedEmail.of(email) + ", system=" + system + "]";
        }
    }

    record TargetView(String type, String id) {
    }

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(
                event.id().toString(),
                event.at(),
                new ActorView(event.actor().userId() == null ? null : event.actor().userId().toString(),
                        event.actor().email(), event.actor().system()),
                event.action(),
                new TargetView(event.targetType(), event.targetId()),
                event.workspaceId() == null ? null : event.workspaceId().toString(),
                event.request().ip(),
                event.request().userAgent(),
                event.request().requestId(),
                event.details());
    }
}
