package com.tttools.app.audit.internal;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** Audit entries for tests: each test uses its own random organization so tests never see each other's rows. */
final class AuditTestSupport {

    static final RequestMetadata REQUEST = new RequestMetadata("203.0.113.7", "JUnit/5", "req-test-1");

    private AuditTestSupport() {
    }

    static AuditEntry entry(OrganizationId organization, WorkspaceId workspace, String action, Map<String, Object> details) {
        return new AuditEntry(action, Actor.user(UserId.random(), "alice@example.com"), "workspace",
                workspace == null ? organization.toString() : workspace.toString(), organization, workspace, REQUEST,
                details, Instant.now());
    }

    static AuditEntry entry(OrganizationId organization, String action) {
        return entry(organization, null, action, Map.of("n", 1));
    }

    static AuditEntry byActor(OrganizationId organization, WorkspaceId workspace, Actor actor, String action,
            String targetType, String targetId, Instant at) {
        return new AuditEntry(action, actor, targetType, targetId, organization, workspace, REQUEST, Map.of(), at);
    }
}
