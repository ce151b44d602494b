package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.IntegrationTest;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Table-driven: each action the audit module owns is emitted, exactly once, by the operation that should
 * emit it, with its catalogued target type and details keys. (The other modules' actions are for their own
 * tests to check, once those modules exist.)
 */
class AuditOwnActionsIT extends IntegrationTest {

    static final Actor ADMIN = Actor.user(UserId.random(), "admin@example.com");

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditPurge purge;

    Map<AuditAction, Consumer<OrganizationId>> operations() {
        return Map.of(
                AuditAction.AUDIT_EXPORTED, organization -> auditLog.streamCsv(AuditQuery.of(organization), ADMIN,
                        RequestMetadata.none(), new StringWriter()),
                AuditAction.AUDIT_RETENTION_CHANGED, organization -> auditLog.setRetention(organization, 400, ADMIN,
                        RequestMetadata.none()),
                AuditAction.AUDIT_PURGED, organization -> {
                    auditLog.record(AuditTestSupport.entry(organization, "workspace.updated"));
                    purge.purgeExpired(Instant.now().plus(Duration.ofDays(400)));
                });
    }

    static List<AuditAction> auditActions() {
        return Arrays.stream(AuditAction.values()).filter(action -> action.emittedBy().equals("audit")).toList();
    }

    @Test
    void whenTheAuditModuleOwnsAnActionThenThisTableHasItsOperation() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(auditActions());
    }

    @ParameterizedTest
    @MethodSource("auditActions")
    void whenTheOperationRunsThenItEmitsItsActionOnce(AuditAction action) {
        OrganizationId organization = OrganizationId.random();

        operations().get(action).accept(organization);

        List<AuditEvent> emitted = auditLog.search(AuditQuery.of(organization).withAction(action.code())).items();
        assertThat(emitted).singleElement().satisfies(event -> {
            assertThat(event.targetType()).isEqualTo(action.targetType());
            assertThat(event.details()).containsOnlyKeys(action.detailsKeys());
        });
    }
}
