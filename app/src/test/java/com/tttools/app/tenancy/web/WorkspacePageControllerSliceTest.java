package com.tttools.app.tenancy.web;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.TenantAccessService;
import com.tttools.app.tenancy.core.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The new-workspace form of an organization's workspaces page: bound to a request record, problems by the fields. */
@WebMvcTest(WorkspacePageController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, WorkspaceSwitcher.class, PageWorkspace.class, WorkspaceNavigation.class})   // the layout's header
@MockitoBean(types = {WorkspaceService.class, OrganizationService.class, TenantAccessService.class, PolicyConsents.class,
        com.tttools.app.tenancy.core.MembershipSnapshots.class})
class WorkspacePageControllerSliceTest {

    final OrganizationId organization = OrganizationId.random();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    OrganizationService organizations;

    @Autowired
    com.tttools.app.tenancy.core.MembershipSnapshots snapshots;

    @BeforeEach
    void theCallerIs() {
        when(snapshots.of(any())).thenReturn(new com.tttools.app.tenancy.core.MembershipSnapshots.Snapshot(List.of()));
        caller(OrganizationRole.ADMIN);
        when(workspaces.list(any(), any())).thenReturn(List.of());
        when(workspaces.deleted(any(), any())).thenReturn(List.of());
    }

    private void caller(OrganizationRole role) {
        when(organizations.get(WebSlice.CALLER, organization))
                .thenReturn(new OrganizationAccess(WebSlice.CALLER.id(), organization, "Acme Agency", role));
    }

    private MvcTestResult post(String form) {
        return mvc.post().uri("/organizations/{o}/workspaces", organization).with(signedIn()).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form).exchange();
    }

    @Test
    void invalidFieldsAnswer422WithEachProblemNextToItsFieldAndNothingIsCreated() throws Exception {
        MvcTestResult result = post("name=Brand+%E2%80%AEeno&timezone=Mars%2FOlympus&currency=EURO");

        assertThat(result).hasStatus(422);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("aria-invalid=\"true\"").contains("aria-describedby=\"ws-name-error\"");
        assertThat(page).containsPattern("id=\"ws-name-error\"[^>]*>must not contain control or text-direction characters<")
                .containsPattern("id=\"ws-timezone-error\"[^>]*>must be an IANA time zone such as Europe/Berlin<")
                .containsPattern("id=\"ws-currency-error\"[^>]*>must be an ISO 4217 currency code such as EUR<");
        assertThat(page).contains("value=\"Brand \u202Eeno\"");
        verify(workspaces, never()).create(any(), any(), any(), any());
    }

    @Test
    void anEmptyNameIsShownNextToTheField() throws Exception {
        MvcTestResult result = post("name=++");

        assertThat(result).hasStatus(422);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("id=\"ws-name-error\"[^>]*>must not be empty<");
    }

    @Test
    void aMemberWhoMayNotCreateWorkspacesIsRefusedEvenWithAnInvalidForm() {
        caller(OrganizationRole.MEMBER);

        assertThat(post("name=")).hasStatus(403);
        verify(workspaces, never()).create(any(), any(), any(), any());
    }

    @Test
    void theListMarksNoFieldInvalid() throws Exception {
        MvcTestResult result = mvc.get().uri("/organizations/{o}/workspaces", organization).with(signedIn()).exchange();

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"ws-name\"").doesNotContain("aria-invalid").doesNotContain("field-error");
    }

    @Test
    void aValidFormCreatesTheWorkspace() {
        when(workspaces.create(eq(WebSlice.CALLER), eq(organization), any(), any())).thenReturn(new WorkspaceService.WorkspaceView(
                "00000000-0000-0000-0000-0000000000bb", organization.toString(), "Brand Two", "Europe/Berlin", "EUR",
                "ADMIN"));

        assertThat(post("name=Brand+Two&timezone=Europe%2FBerlin&currency=EUR"))
                .hasStatus(302).hasRedirectedUrl("/workspaces/00000000-0000-0000-0000-0000000000bb");
        verify(workspaces).create(eq(WebSlice.CALLER), eq(organization),
                eq(new WorkspaceService.NewWorkspace("Brand Two", "Europe/Berlin", "EUR")), any());
    }
}
