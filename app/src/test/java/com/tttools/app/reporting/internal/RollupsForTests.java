package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/** The rollups (docs/reporting.md, "Rollups") for tests outside this package and the benchmark. */
public final class RollupsForTests {

    private RollupsForTests() {
    }

    /**
     * For tests that insert facts with SQL instead of through {@link FactWriter}: rolls the days up as the writer
     * would have (reports read totals, whole months and whole weeks from the rollups).
     */
    public static void rollUp(JdbcClient jdbc, UUID workspace, LocalDate from, LocalDate to) {
        new FactRollups(jdbc).rebuild(new WorkspaceId(workspace), from, to);
    }

    /** Switches report queries between the rollups and the daily facts alone (rollups by default), to compare both. */
    public static void useRollups(Reports reports, boolean on) {
        ((ReportService) AopTestUtils.getUltimateTargetObject(reports)).rollups = on;
    }

    /** The planner settings of a report's transaction, to replay its statements under EXPLAIN as it runs them. */
    public static String reportPlanSettings() {
        return ReportService.PLAN_SETTINGS;
    }
}
