package com.tttools.app.home.web;

import com.tttools.app.jobs.JobView;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Instant;
import java.util.List;

/** Everything the workspace home shows, already in words and formatted numbers. */
record HomeView(WorkspaceAccess workspace, Checklist checklist, Period yesterday, Period week, List<CurrencyKpis> kpis,
        List<SpendChart> charts,
        List<Mover> movers, List<Mover> cpaMovers, List<ConnectionHealth> connections, List<JobView> running, String dataAsOf,
        String dataAsOfTitle, boolean hasData, boolean connects, List<PendingApproval> approvals,
        List<RecentAlertRow> alerts) {

    /** A change set awaiting approval: what it does in words, who planned it and when, where to decide. */
    record PendingApproval(String id, String what, String plannedBy, Instant plannedAt, String href) {
    }

    /** An alert fired lately: the rule, the entity's name, when, whether someone has seen it. */
    record RecentAlertRow(String rule, String entity, String message, Instant firedAt, String state, String href) {
    }

    /** A period of the KPIs, advertiser-local dates, inclusive; {@code label} as the page writes it. */
    record Period(String from, String to, String label) {
    }

    /** One figure against the period before; {@code trend} is {@code good}, {@code bad} or {@code flat}. */
    record Kpi(String key, String label, String value, String previous, String change, String trend) {
    }

    /** The KPIs of one currency (totals are never summed across currencies). */
    record CurrencyKpis(String currency, List<Kpi> yesterday, List<Kpi> week) {
    }

    /** A bar of the spend chart in SVG units (the viewBox is 300 × 100). */
    record Bar(double x, double y, double width, double height, String title) {
    }

    record SpendChart(String currency, String total, String from, String to, List<Bar> bars) {
    }

    /**
     * A campaign whose spend (or CPA) changed most over the last 7 days against the 7 before; {@code change} and
     * {@code trend} are the spend's ({@code up}/{@code down}) or the CPA's ({@code bad} rising, {@code good} falling).
     */
    record Mover(String name, String url, String spendBefore, String spendNow, String change, String trend,
            String cpaBefore, String cpaNow) {
    }

    record ConnectionHealth(String id, String connectedBy, ConnectionStatus status, String statusLabel, String badge,
            int advertisers, String lastSync, String lastSyncTitle, String lastError, String tokenExpires) {
    }

    /** A first-run step; {@code href} where the user goes to do it. */
    record Step(String key, String label, String detail, boolean done, String href, String linkText) {
    }

    /** {@code polling}: refreshed every few seconds (htmx) while the first sync runs. */
    record Checklist(List<Step> steps, boolean complete, boolean polling) {
    }
}
