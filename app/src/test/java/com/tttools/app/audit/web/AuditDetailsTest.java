package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditDetailsTest {

    private final AuditDetails details = new AuditDetails();

    @Test
    void aConnectionReadsAsScopesAndAdvertisersNotAMap() {
        var r = render("connection.connected", Map.of("scopes", List.of(1, 2, 3), "advertiserCount", 4));
        assertThat(r.summary()).isEqualTo("Connected with 3 permission scopes for 4 advertisers");
        assertThat(r.fields()).isEmpty();
        assertThat(render("connection.status_changed", Map.of("from", "ERROR", "to", "ACTIVE")).summary())
                .isEqualTo("Status changed from Error to Active");
        assertThat(render("connection.advertisers_changed", Map.of("added", List.of("1", "2"), "lost", List.of()))
                .summary()).isEqualTo("2 advertisers added, 0 lost");
    }

    @Test
    void aBulkChangeReadsAsActionCountLevelAndOutcome() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "PAUSE");
        d.put("level", "ADGROUP");
        d.put("itemCount", 12);
        d.put("status", "PARTIALLY_SUCCEEDED");
        d.put("succeeded", 11);
        d.put("failed", 1);
        d.put("skipped", 0);
        d.put("changes", List.of(Map.of("tiktokId", "1", "before", "ENABLE", "after", "DISABLE")));
        var r = render("bulk_operation.applied", d);
        assertThat(r.summary()).isEqualTo(
                "Pause · 12 ad groups · 11 succeeded, 1 failed, 0 skipped · 1 change (see the change set)");
        assertThat(r.fields()).containsExactly(new AuditDetails.Field("Status", "Partially succeeded"));
    }

    @Test
    void beforeAndAfterReadAsChangesPerField() {
        var r = render("bulk_policy.changed", Map.of("before", Map.of("approval", "ALWAYS"),
                "after", Map.of("approval", "NEVER")));
        assertThat(r.summary()).isEqualTo("Approval: Always → Never");
        assertThat(render("audit.retention_changed", Map.of("before", 365, "after", 90)).summary())
                .isEqualTo("Changed from 365 to 90");
    }

    @Test
    void membershipReadsAsEmailRoleAndWorkspaces() {
        var r = render("member.invited", Map.of("email", "a@example.com", "role", "MEMBER",
                "workspaces", List.of(Map.of("workspaceId", "x", "role", "ANALYST"))));
        assertThat(r.summary()).isEqualTo("a@example.com as Member in 1 workspace");
        assertThat(render("workspace_member.role_changed", Map.of("role", "ADMIN")).summary()).isEqualTo("Role Admin");
    }

    @Test
    void anyOtherActionStillReadsAsLabelledFields() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("level", "CAMPAIGN");
        d.put("metrics", List.of("spend", "clicks"));
        d.put("rows", 10);
        d.put("completed", true);
        var r = render("report.exported", d);
        assertThat(r.summary()).isNull();
        assertThat(r.fields()).containsExactly(new AuditDetails.Field("Level", "Campaign"),
                new AuditDetails.Field("Metrics", "spend, clicks"), new AuditDetails.Field("Rows", "10"),
                new AuditDetails.Field("Completed", "yes"));
        assertThat(details.action("bulk_operation.apply_started")).isEqualTo("Bulk operation apply started");
        assertThat(details.action("connection.needs_reauth")).isEqualTo("Connection needs re-authorization");
    }

    @Test
    void currencyAndTimezoneCodesStayCodes() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "Brand One");
        d.put("currency", "USD");
        d.put("timezone", "UTC");
        d.put("status", "ACTIVE");
        assertThat(render("workspace.created", d).fields()).containsExactly(new AuditDetails.Field("Name", "Brand One"),
                new AuditDetails.Field("Currency", "USD"), new AuditDetails.Field("Timezone", "UTC"),
                new AuditDetails.Field("Status", "Active"));
        assertThat(render("workspace.currency_changed", Map.of("before", "USD", "after", "EUR")).summary())
                .isEqualTo("Changed from USD to EUR");
    }

    private AuditDetails.Rendered render(String action, Map<String, Object> d) {
        return details.render(new AuditEvent(UUID.randomUUID(), Instant.EPOCH, Actor.system("test"), action, "x", "1",
                null, null, RequestMetadata.none(), d));
    }
}
