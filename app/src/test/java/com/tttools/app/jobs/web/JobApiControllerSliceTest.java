package com.tttools.app.jobs.web;

import com.tttools.app.shared.JobId;
import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The request pipeline on the jobs routes: typed path ids (malformed → 404 before anything runs) and the
 * {@code @RequireWorkspace} parameter (authorized with the route's permission before the handler).
 */
@WebMvcTest(JobApiController.class)
@ActiveProfiles("test")
@Import(WebSlice.Settings.class)
@MockitoBean(types = {Jobs.class, TenantAccess.class, PolicyConsents.class})
class JobApiControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Jobs jobs;
    @Autowired
    TenantAccess tenants;

    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void whenTheWorkspaceIdIsMalformedThenNotFoundAndNobodyIsAsked() {
        MvcTestResult result = mvc.get().uri("/api/v1/workspaces/not-a-uuid/jobs").with(signedIn()).exchange();

        assertThat(result).hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("Workspace not found.");
        verifyNoInteractions(tenants, jobs);
    }

    @Test
    void whenTheJobIdIsMalformedThenNotFoundWithoutLookingItUp() {
        when(tenants.requireWorkspace(WebSlice.CALLER.id(), workspace, WorkspacePermission.VIEW_WORKSPACE))
                .thenReturn(WebSlice.access(workspace, WorkspaceRole.ANALYST));

        MvcTestResult result = mvc.get().uri("/api/v1/workspaces/{ws}/jobs/{job}", workspace, "12345")
                .with(signedIn()).exchange();

        assertThat(result).hasStatus(404).bodyJson().extractingPath("$.detail").isEqualTo("Job not found.");
        verify(jobs, never()).find(any(), any());
    }

    @Test
    void theRoutesPermissionIsCheckedBeforeTheHandlerRuns() {
        when(tenants.requireWorkspace(WebSlice.CALLER.id(), workspace, WorkspacePermission.TRIGGER_SYNC))
                .thenThrow(new ForbiddenException("You are not allowed to do this."));

        MvcTestResult result = mvc.post().uri("/api/v1/workspaces/{ws}/jobs/{job}/cancel", workspace,
                "00000000-0000-0000-0000-000000000001").with(signedIn()).with(csrf()).exchange();

        assertThat(result).hasStatus(403);
        verifyNoInteractions(jobs);
    }

    @Test
    void aWorkspaceTheCallerCannotSeeIsNotFound() {
        when(tenants.requireWorkspace(eq(WebSlice.CALLER.id()), eq(workspace), any()))
                .thenThrow(new NotFoundException("Workspace"));

        assertThat(mvc.get().uri("/api/v1/workspaces/{ws}/jobs/{job}", workspace,
                "00000000-0000-0000-0000-000000000001").with(signedIn()).exchange()).hasStatus(404);
        verifyNoInteractions(jobs);
    }

    @Test
    void aWellFormedJobIdReachesTheFacadeScopedToTheAuthorizedWorkspace() {
        String job = "00000000-0000-0000-0000-000000000002";
        when(tenants.requireWorkspace(WebSlice.CALLER.id(), workspace, WorkspacePermission.VIEW_WORKSPACE))
                .thenReturn(WebSlice.access(workspace, WorkspaceRole.ANALYST));
        when(jobs.find(workspace, JobId.of(job))).thenReturn(Optional.empty());

        assertThat(mvc.get().uri("/api/v1/workspaces/{ws}/jobs/{job}", workspace.toString().toUpperCase(), job)
                .with(signedIn()).exchange()).hasStatus(404);
        verify(jobs).find(workspace, JobId.of(job));
    }
}
