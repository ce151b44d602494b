package com.tttools.app.reporting.web;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.reporting.internal.ReportExportRecorder;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** How {@code GET /api/v1/workspaces/{wsId}/reports} reads its query: every problem at once, as 422 fields. */
@WebMvcTest(ReportsApiController.class)
@ActiveProfiles("test")
@Import(WebSlice.Settings.class)
@MockitoBean(types = {Reports.class, ReportExportRecorder.class, TenantAccess.class, PolicyConsents.class})
class ReportsApiControllerSliceTest {

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    Reports reports;
    @Autowired
    TenantAccess tenants;

    private final WorkspaceId workspace = WorkspaceId.random();

    @BeforeEach
    void analyst() {
        when(tenants.requireWorkspace(WebSlice.CALLER.id(), workspace, WorkspacePermission.VIEW_REPORTS))
                .thenReturn(WebSlice.access(workspace, WorkspaceRole.ANALYST));
    }

    private MvcTestResult report(String query) {
        return mvc.get().uri("/api/v1/workspaces/" + workspace + "/reports?" + query).with(signedIn()).exchange();
    }

    @Test
    void everyBadParameterIsNamedInOneProblemAndNothingRuns() {
        MvcTestResult result = report("level=weekly&from=2026-02-30&to=2026-03-01&metrics=spend,bogus"
                + "&groupBy=month&advertiserId=abc&status=enabled&limit=0&cursor=garbage");

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("level", "from", "groupBy", "metrics", "advertiserId", "status", "limit",
                        "cursor");
        assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'metrics')].message").asArray()
                .containsExactly("unknown metric bogus");
        verifyNoInteractions(reports);
    }

    @Test
    void crossFieldRulesKeepTheirOwnMessages() {
        assertThat(report("level=ADVERTISER&from=2026-03-02&to=2026-03-01&campaignId=123")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[*].message").asArray()
                .containsExactlyInAnyOrder("must not be after to",
                        "does not fit level ADVERTISER (use CAMPAIGN, ADGROUP or AD)");
        assertThat(report("level=AD&from=2026-03-01&to=2026-03-02&metrics=reach")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("metrics");
    }

    @Test
    void aValidQueryReachesTheFacadeParsed() {
        when(reports.run(eq(workspace), any())).thenReturn(new ReportResult(List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, false));

        assertThat(report("level=campaign&from=2026-03-01&to=2026-03-31&metrics=ctr,spend,ctr&groupBy=date,entity"
                + "&sort=-ctr&advertiserId=111,222&advertiserId=333&limit=20&cursor="
                + ReportRequests.encode(40))).hasStatus(200);

        ArgumentCaptor<ReportQuery> query = ArgumentCaptor.forClass(ReportQuery.class);
        verify(reports).run(eq(workspace), query.capture());
        ReportQuery parsed = query.getValue();
        assertThat(parsed.level()).isEqualTo(ReportLevel.CAMPAIGN);
        assertThat(parsed.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(parsed.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(parsed.metrics()).containsExactly(Metric.CTR, Metric.SPEND);
        assertThat(parsed.byDate()).isTrue();
        assertThat(parsed.byEntity()).isTrue();
        assertThat(parsed.sort()).isEqualTo(new ReportQuery.Sort("ctr", true));
        assertThat(parsed.filters().advertiserIds()).containsExactly("111", "222", "333");
        assertThat(parsed.limit()).isEqualTo(20);
        assertThat(parsed.offset()).isEqualTo(40);
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String jobsCursor = com.tttools.app.shared.Cursors.encode("jobs", "1", "00000000-0000-0000-0000-000000000001");

        assertThat(report("level=AD&from=2026-03-01&to=2026-03-02&cursor=" + jobsCursor)).hasStatus(422).bodyJson()
                .extractingPath("$.errors[0].message").isEqualTo("is not a cursor this API returned");
        verifyNoInteractions(reports);
    }
}
