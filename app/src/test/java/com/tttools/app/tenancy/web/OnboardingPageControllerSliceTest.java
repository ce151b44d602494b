package com.tttools.app.tenancy.web;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.core.OrganizationService;
import com.tttools.app.tenancy.core.MembershipSnapshots;
import com.tttools.app.tenancy.core.TenantAccessService;
import com.tttools.app.tenancy.core.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The onboarding form: bound to a request record, each problem shown next to its field. */
@WebMvcTest(OnboardingPageController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, WorkspaceSwitcher.class, PageWorkspace.class, WorkspaceNavigation.class})   // the layout's header
// TenantAccessService is TenantAccess and MembershipDirectory at once: one mock stands for all three
// MembershipSnapshots feeds the switcher: a user with no organization yet
@MockitoBean(types = {OrganizationService.class, TenantAccessService.class, PolicyConsents.class,
        MembershipSnapshots.class})
class OnboardingPageControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    OrganizationService organizations;
    @Autowired
    MembershipSnapshots snapshots;

    @org.junit.jupiter.api.BeforeEach
    void noOrganizationsYet() {
        when(snapshots.of(any())).thenReturn(new MembershipSnapshots.Snapshot(java.util.List.of()));
    }

    private MvcTestResult post(String form) {
        return mvc.post().uri("/onboarding").with(signedIn()).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form).exchange();
    }

    @Test
    void invalidFieldsAnswer422WithEachProblemNextToItsFieldAndNothingIsCreated() throws Exception {
        MvcTestResult result = post("name=+&workspaceName=Brand+%E2%80%AEeno&timezone=Mars%2FOlympus&currency=EURO");

        assertThat(result).hasStatus(422);
        String page = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("aria-invalid=\"true\"").contains("aria-describedby=\"name-error\"")
                .contains("aria-describedby=\"workspaceName-error\"");
        assertThat(page).containsPattern("id=\"name-error\"[^>]*>must not be empty<")
                .containsPattern("id=\"workspaceName-error\"[^>]*>must not contain control or text-direction characters<")
                .containsPattern("id=\"timezone-error\"[^>]*>must be an IANA time zone such as Europe/Berlin<")
                .containsPattern("id=\"currency-error\"[^>]*>must be an ISO 4217 currency code such as EUR<");
        // what was typed stays in the form
        assertThat(page).contains("value=\"Brand \u202Eeno\"");
        verifyNoInteractions(organizations);
    }

    @Test
    void theEmptyFormMarksNoFieldInvalid() throws Exception {
        MvcTestResult result = mvc.get().uri("/onboarding").with(signedIn()).exchange();

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("aria-invalid").doesNotContain("field-error");
    }

    @Test
    void aValidFormCreatesTheOrganizationAndItsFirstWorkspace() {
        when(organizations.create(eq(WebSlice.CALLER), eq("Acme Agency"), any(), any())).thenReturn(
                new OrganizationService.Created(OrganizationId.random(), "Acme Agency", new WorkspaceService.WorkspaceView(
                        "00000000-0000-0000-0000-0000000000aa", null, "Brand One", "Europe/Berlin", "EUR", "ADMIN")));

        assertThat(post("name=Acme+Agency&workspaceName=Brand+One&timezone=Europe%2FBerlin&currency=EUR"))
                .hasStatus(302).hasRedirectedUrl("/workspaces/00000000-0000-0000-0000-0000000000aa");
        verify(organizations).create(eq(WebSlice.CALLER), eq("Acme Agency"),
                eq(new WorkspaceService.NewWorkspace("Brand One", "Europe/Berlin", "EUR")), any());
    }
}
