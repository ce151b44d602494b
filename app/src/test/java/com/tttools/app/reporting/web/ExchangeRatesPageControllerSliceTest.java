package com.tttools.app.reporting.web;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.reporting.rates.ExchangeRateStore;
import com.tttools.app.reporting.rates.WorkspaceRates;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import com.tttools.app.tenancy.core.MembershipSnapshots;
import com.tttools.app.tenancy.core.TenantAccessService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * The enter-a-rate form bound to its request record: field shapes by the shared constraints, the workspace's rules
 * (base currency, no future day, a positive rate) on the same fields; every problem at once, next to its field,
 * and nothing stored. A delete naming no date is a 404.
 */
@WebMvcTest(ExchangeRatesPageController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, WebSlice.Layout.class, ReportsApiControllerSliceTest.FixedClock.class})
// TenantAccessService stands for the TenantAccess of the @RequireWorkspace resolver and the layout's switcher
@MockitoBean(types = {ExchangeRateStore.class, WorkspaceRates.class, TenantAccessService.class, PolicyConsents.class,
        MembershipSnapshots.class})
class ExchangeRatesPageControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WorkspaceRates rates;
    @Autowired
    TenantAccessService tenants;
    @Autowired
    MembershipSnapshots snapshots;

    private final WorkspaceId workspace = WorkspaceId.random();

    @BeforeEach
    void anAdmin() {
        when(snapshots.of(any())).thenReturn(new MembershipSnapshots.Snapshot(List.of()));
        WorkspaceAccess admin = WebSlice.access(workspace, WorkspaceRole.ADMIN);
        when(tenants.requireWorkspace(eq(WebSlice.CALLER.id()), eq(workspace), any(WorkspacePermission.class)))
                .thenReturn(admin);
        // the layout's breadcrumb names the organization
        when(tenants.requireOrganization(eq(WebSlice.CALLER.id()), eq(admin.organizationId()), any()))
                .thenReturn(new OrganizationAccess(WebSlice.CALLER.id(), admin.organizationId(), "Slice Org",
                        OrganizationRole.ADMIN));
    }

    private MvcTestResult post(String path, String form) {
        return mvc.post().uri("/workspaces/{ws}/settings/exchange-rates" + path, workspace).with(signedIn())
                .with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form).exchange();
    }

    private static String page(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void malformedFieldsAnswer422WithEachProblemNextToItsField() throws Exception {
        MvcTestResult result = post("", "currency=EU1&date=2026-13-45&perEur=abc");

        assertThat(result).hasStatus(422);
        String page = page(result);
        assertThat(page)
                .containsPattern("id=\"rate-currency-error\"[^>]*>must be an ISO 4217 currency code such as USD<")
                .containsPattern("id=\"rate-date-error\"[^>]*>must be a date \\(YYYY-MM-DD\\)<")
                .containsPattern("id=\"rate-value-error\"[^>]*>must be a number such as 1.0823<")
                .contains("aria-describedby=\"rate-currency-error\"").contains("aria-describedby=\"rate-date-error\"")
                .contains("aria-describedby=\"rate-value-error\"").contains("aria-invalid=\"true\"")
                // what was typed is shown again
                .contains("value=\"2026-13-45\"").contains("value=\"abc\"");
        verify(rates, never()).set(any(), any(), any(), any());
    }

    @Test
    void theWorkspacesRulesAreReportedOnTheSameFields() throws Exception {
        MvcTestResult result = post("", "currency=EUR&date=2026-12-02&perEur=-3");

        assertThat(result).hasStatus(422);
        assertThat(page(result))
                .containsPattern("id=\"rate-currency-error\"[^>]*>is the base: 1 EUR is always 1 EUR<")
                .containsPattern("id=\"rate-date-error\"[^>]*>must not be in the future<")
                .containsPattern("id=\"rate-value-error\"[^>]*>must be a positive number of units per 1 EUR");
        verify(rates, never()).set(any(), any(), any(), any());
    }

    @Test
    void anEmptyFormNamesEveryMissingField() throws Exception {
        MvcTestResult result = post("", "currency=&date=&perEur=");

        assertThat(result).hasStatus(422);
        assertThat(page(result)).contains("id=\"rate-currency-error\"").contains("id=\"rate-date-error\"")
                .contains("id=\"rate-value-error\"");
        verify(rates, never()).set(any(), any(), any(), any());
    }

    @Test
    void aValidEntryIsNormalisedAndStored() {
        MvcTestResult result = post("", "currency=+usd+&date=2026-12-01&perEur=1,0800");

        assertThat(result).hasStatus(302).hasRedirectedUrl("/workspaces/" + workspace + "/settings/exchange-rates");
        verify(rates).set(any(), any(),
                eq(new WorkspaceRates.Entry("USD", LocalDate.parse("2026-12-01"), new BigDecimal("1.08"))), any());
    }

    @Test
    void aDeleteWithoutAValidDateNamesNothing() {
        assertThat(post("/delete", "currency=USD&date=2026-02-30")).hasStatus(404);
        assertThat(post("/delete", "currency=USD")).hasStatus(404);
        verify(rates, never()).delete(any(), any(), any(), any(), any());
    }
}
