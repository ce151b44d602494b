package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.VisibleScope;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The endpoints over the shared application context (no second context): the scope is put on the request as
 * authorization will, since tenancy does not exist yet.
 */
class AuditEventsControllerTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditLog auditLog;

    MockMvc mvc;
    final OrganizationId organization = OrganizationId.random();
    final WorkspaceId workspaceA = WorkspaceId.random();
    final WorkspaceId workspaceB = WorkspaceId.random();
    final Actor owner = Actor.user(UserId.random(), "owner@example.com");

    @BeforeEach
    void eventsInTwoWorkspaces() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        auditLog.record(entry(workspaceA, "connection.connected", "c-a"));
        auditLog.record(entry(workspaceB, "connection.connected", "c-b"));
    }

    @Test
    void whenNoScopeWasGrantedThenTheLogIsNotFound() throws Exception {
        mvc.perform(get(path("/audit-events"))).andExpect(status().isNotFound());
    }

    @Test
    void whenTheScopeIsForAnotherOrganizationThenTheLogIsNotFound() throws Exception {
        mvc.perform(get(path("/audit-events"))
                        .requestAttr(VisibleScope.REQUEST_ATTRIBUTE, VisibleScope.wholeOrganization(OrganizationId.random(), owner)))
                .andExpect(status().isNotFound());
    }

    @Test
    void whenAWorkspaceAdminListsThenOnlyTheirWorkspacesEventsComeInTheApiShape() throws Exception {
        mvc.perform(get(path("/audit-events"))
                        .requestAttr(VisibleScope.REQUEST_ATTRIBUTE, VisibleScope.workspaces(organization, Set.of(workspaceA), owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].workspaceId").value(workspaceA.toString()))
                .andExpect(jsonPath("$.items[0].action").value("connection.connected"))
                .andExpect(jsonPath("$.items[0].actor.email").value("owner@example.com"))
                .andExpect(jsonPath("$.items[0].target.type").value("connection"))
                .andExpect(jsonPath("$.items[0].target.id").value("c-a"))
                .andExpect(jsonPath("$.items[0].ip").value("203.0.113.9"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void whenTheCursorIsForgedOrTheLimitTooLargeThenTheAnswerIs422WithTheField() throws Exception {
        VisibleScope scope = VisibleScope.wholeOrganization(organization, owner);

        mvc.perform(get(path("/audit-events")).param("cursor", "forged").requestAttr(VisibleScope.REQUEST_ATTRIBUTE, scope))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get(path("/audit-events")).param("limit", "501").requestAttr(VisibleScope.REQUEST_ATTRIBUTE, scope))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get(path("/audit-events")).param("from", "yesterday").requestAttr(VisibleScope.REQUEST_ATTRIBUTE, scope))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void whenTheCsvIsDownloadedThenItStreamsTheVisibleRowsAndTheExportIsAudited() throws Exception {
        MvcResult started = mvc.perform(get(path("/audit-events.csv"))
                        .requestAttr(VisibleScope.REQUEST_ATTRIBUTE, VisibleScope.workspaces(organization, Set.of(workspaceB), owner)))
                .andReturn();

        String csv = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("id,at,").contains("c-b").doesNotContain("c-a");
        assertThat(auditLog.search(AuditQuery.of(organization).withAction(AuditAction.AUDIT_EXPORTED.code())).items())
                .singleElement().satisfies(export -> assertThat(export.details()).containsEntry("rows", 1));
    }

    @Test
    void whenAnOrganizationAdminAsksForVerificationThenTheChainIsReportedAndAWorkspaceAdminGets404() throws Exception {
        mvc.perform(get(path("/audit-events/verification"))
                        .requestAttr(VisibleScope.REQUEST_ATTRIBUTE, VisibleScope.wholeOrganization(organization, owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checkedCount").value(2));
        mvc.perform(get(path("/audit-events/verification"))
                        .requestAttr(VisibleScope.REQUEST_ATTRIBUTE, VisibleScope.workspaces(organization, Set.of(workspaceA), owner)))
                .andExpect(status().isNotFound());
    }

    private AuditEntry entry(WorkspaceId workspace, String action, String targetId) {
        return new AuditEntry(action, owner, "connection", targetId, organization, workspace,
                new RequestMetadata("203.0.113.9", "JUnit", "req-1"), Map.of("scopes", "ads"), Instant.now());
    }

    private String path(String rest) {
        return "/api/v1/organizations/" + organization + rest;
    }
}
