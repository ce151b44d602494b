package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.IntegrationTest;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditCsvExportIT extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    final OrganizationId organization = OrganizationId.random();
    final WorkspaceId workspace = WorkspaceId.random();
    final Actor admin = Actor.user(UserId.random(), "admin@example.com");

    @Test
    void whenExportedThenTheCsvHasAHeaderAndOneQuotedRowPerEventThatParsesBack() {
        String awkwardAgent = "Mozilla/5.0 (X11, \"quoted\")\nsecond line";
        auditLog.record(new AuditEntry("workspace.updated", admin, "workspace", workspace.toString(), organization,
                workspace, new RequestMetadata("198.51.100.1", awkwardAgent, "req-1"),
                Map.of("before", Map.of("name", "Old, \"name\""), "after", Map.of("name", "=HYPERLINK(1)")),
                Instant.now()));
        for (int i = 0; i < 120; i++) {
            auditLog.record(AuditTestSupport.entry(organization, workspace, "connection.connected", Map.of("i", i)));
        }
        StringWriter out = new StringWriter();

        long rows = auditLog.streamCsv(AuditQuery.of(organization), admin, RequestMetadata.none(), out);

        List<List<String>> parsed = parse(out.toString());
        assertThat(rows).isEqualTo(121);
        assertThat(parsed).hasSize(122);
        assertThat(parsed.get(0)).isEqualTo(AuditCsv.HEADER);
        assertThat(parsed.subList(1, parsed.size())).allSatisfy(row -> assertThat(row).hasSize(AuditCsv.HEADER.size()));
        List<String> awkward = parsed.get(parsed.size() - 1);
        assertThat(awkward.get(AuditCsv.HEADER.indexOf("user_agent"))).isEqualTo(awkwardAgent);
        assertThat(awkward.get(AuditCsv.HEADER.indexOf("action"))).isEqualTo("workspace.updated");
        assertThat(awkward.get(AuditCsv.HEADER.indexOf("details"))).contains("Old, \\\"name\\\"");
    }

    @Test
    void whenACellStartsLikeASpreadsheetFormulaThenItIsDefused() {
        assertThat(AuditCsv.field("=1+2")).isEqualTo("'=1+2");
        assertThat(AuditCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.field("-2,3")).isEqualTo("\"'-2,3\"");
        assertThat(AuditCsv.field("plain")).isEqualTo("plain");
        assertThat(AuditCsv.field(null)).isEmpty();
    }

    @Test
    void whenAWorkspaceAdminExportsThenOnlyTheirWorkspacesRowsAreWrittenAndTheExportIsAudited() {
        WorkspaceId other = WorkspaceId.random();
        auditLog.record(AuditTestSupport.entry(organization, workspace, "connection.connected", Map.of()));
        auditLog.record(AuditTestSupport.entry(organization, other, "connection.connected", Map.of()));
        StringWriter out = new StringWriter();

        long rows = auditLog.streamCsv(AuditQuery.of(organization).visibleTo(Set.of(workspace)), admin,
                new RequestMetadata("192.0.2.9", "JUnit", "req-export"), out);

        assertThat(rows).isEqualTo(1);
        assertThat(out.toString()).doesNotContain(other.toString());
        List<AuditEvent> exports = auditLog.search(AuditQuery.of(organization)
                .withAction(AuditAction.AUDIT_EXPORTED.code())).items();
        assertThat(exports).singleElement().satisfies(export -> {
            assertThat(export.actor()).isEqualTo(admin);
            assertThat(export.request().requestId()).isEqualTo("req-export");
            assertThat(export.details()).containsEntry("rows", 1).containsEntry("completed", true);
            assertThat(export.details().get("filters")).isEqualTo(Map.of("visibleWorkspaces", List.of(workspace.toString())));
        });
    }

    /** A strict RFC 4180 reader (Commons CSV): quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv))) {
            return parser.getRecords().stream().map(org.apache.commons.csv.CSVRecord::toList).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
