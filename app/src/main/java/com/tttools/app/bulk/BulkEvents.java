package com.tttools.app.bulk;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the change-set events read in the audit log (docs/audit-actions.md, target type {@code bulk_operation}). */
final class BulkEvents {

    private BulkEvents() {
    }

    static AuditEntry entry(String action, Actor actor, ChangeSetRef ref, RequestMetadata request,
            Map<String, Object> extra, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", ref.action().name());
        details.put("level", ref.level().name());
        details.put("itemCount", ref.lines());
        details.putAll(extra);
        return new AuditEntry(action, actor, "bulk_operation", ref.changeSetId(), ref.organizationId(),
                ref.workspaceId(), request, details, at);
    }
}
