package com.tttools.app.home.web;

import com.tttools.app.home.web.HomeView.Bar;
import com.tttools.app.home.web.HomeView.Checklist;
import com.tttools.app.home.web.HomeView.ConnectionHealth;
import com.tttools.app.home.web.HomeView.CurrencyKpis;
import com.tttools.app.home.web.HomeView.Kpi;
import com.tttools.app.home.web.HomeView.Mover;
import com.tttools.app.home.web.HomeView.SpendChart;
import com.tttools.app.home.web.HomeView.Step;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.TikTokConnections;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Reads the reports, connections and jobs of a workspace and assembles the home's view model. */
@Component
class HomeAssembler {

    /** The report sync's job type (the reporting module's handler; named here to find the first sync). */
    static final String REPORT_SYNC = ReportSync.JOB.name();
    static final List<Metric> KPI_METRICS = List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS,
            Metric.CONVERSIONS, Metric.COST_PER_CONVERSION, Metric.CTR);
    static final int CHART_DAYS = 30;
    static final int MOVERS = 5;

    private final Reports reports;
    private final TikTokConnections connections;
    private final Jobs jobs;
    private final HomeInbox inbox;
    private final Clock clock;

    HomeAssembler(Reports reports, TikTokConnections connections, Jobs jobs, HomeInbox inbox, Clock clock) {
        this.reports = reports;
        this.inbox = inbox;
        this.connections = connections;
        this.jobs = jobs;
        this.clock = clock;
    }

    HomeView home(AuthenticatedUser caller, WorkspaceAccess workspace) {
        ZoneId zone = Timezones.zoneOrUtc(workspace.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        String base = "/workspaces/" + workspace.workspaceId();

        String currency = workspace.currency();
        ReportResult yesterday = reports.run(workspace.workspaceId(),
                totals(today.minusDays(1), today.minusDays(1)).inCurrency(currency));
        ReportResult week = reports.run(workspace.workspaceId(),
                totals(today.minusDays(7), today.minusDays(1)).inCurrency(currency));
        ReportResult chart = reports.run(workspace.workspaceId(), new ReportQuery(ReportLevel.ADVERTISER,
                today.minusDays(CHART_DAYS), today.minusDays(1), List.of(Metric.SPEND), true, false, null, null,
                CHART_DAYS * 20, 0).inCurrency(currency));
        boolean hasData = !chart.rows().isEmpty() || !week.totals().isEmpty();

        List<ConnectionHealth> health = connections.list(caller, workspace.workspaceId()).stream()
                .map(c -> health(c, now, zone)).toList();
        List<JobView> running = running(workspace);
        Checklist checklist = checklist(workspace, base, health, running, hasData);
        Instant asOf = week.dataAsOf() != null ? week.dataAsOf() : chart.dataAsOf();
        ReportResult campaigns = hasData ? campaignWeeks(workspace, today) : null;
        return new HomeView(workspace, checklist, period(today.minusDays(1), today.minusDays(1)),
                period(today.minusDays(7), today.minusDays(1)), kpis(yesterday, week), charts(chart, today),
                campaigns == null ? List.of() : spendMovers(campaigns, base),
                campaigns == null ? List.of() : cpaMovers(campaigns.rows(), base), health, running,
                asOf == null ? null : Formats.relative(asOf, now), Formats.dateTime(asOf, zone), hasData,
                workspace.can(WorkspacePermission.MANAGE_CONNECTIONS), inbox.approvals(workspace, base),
                inbox.alerts(workspace, base));
    }

    /** The first-run checklist alone (the fragment htmx polls while the first sync runs). */
    Checklist checklist(AuthenticatedUser caller, WorkspaceAccess workspace) {
        LocalDate today = LocalDate.now(clock.withZone(Timezones.zoneOrUtc(workspace.timezone())));
        ReportResult recent = reports.run(workspace.workspaceId(), totals(today.minusDays(CHART_DAYS), today));
        Instant now = clock.instant();
        List<ConnectionHealth> health = connections.list(caller, workspace.workspaceId()).stream()
                .map(c -> health(c, now, ZoneId.of("UTC"))).toList();
        return checklist(workspace, "/workspaces/" + workspace.workspaceId(), health, running(workspace),
                !recent.totals().isEmpty());
    }

    private List<JobView> running(WorkspaceAccess workspace) {
        List<JobView> running = new ArrayList<>(jobs.list(workspace.workspaceId(),
                new JobFilter(null, JobStatus.RUNNING), 10, null).items());
        running.addAll(jobs.list(workspace.workspaceId(), new JobFilter(null, JobStatus.QUEUED), 10, null).items());
        return running;
    }

    private Checklist checklist(WorkspaceAccess workspace, String base, List<ConnectionHealth> health,
            List<JobView> running, boolean hasData) {
        boolean connected = health.stream().anyMatch(c -> c.status() != ConnectionStatus.DISCONNECTED);
        boolean synced = succeeded(workspace, REPORT_SYNC);
        boolean assets = synced || succeeded(workspace, AssetSync.JOB.name());
        boolean syncing = running.stream().anyMatch(j -> j.type().equals(REPORT_SYNC)
                || j.type().equals(AssetSync.JOB.name()));
        String syncDetail = synced ? "Campaigns and daily figures imported."
                : syncing ? (assets ? "Campaigns imported; importing the daily figures…"
                        : "Importing campaigns and daily figures from TikTok…")
                : assets ? "Campaigns imported; the daily figures come with the next report sync."
                : "Starts by itself once TikTok is connected.";
        List<Step> steps = List.of(
                new Step("connect", "Connect your TikTok for Business account",
                        connected ? "Connected." : "Grant access to the ad accounts this workspace manages.",
                        connected, base + "/connections", connected ? "See connections" : "Connect TikTok"),
                new Step("sync", "First sync", syncDetail,
                        synced, base + "/jobs", "See progress"),
                new Step("report", "Your first report",
                        hasData ? "Figures are in: open the report." : "Ready as soon as the first figures arrive.",
                        hasData, base + "/reports", "Open reports"));
        // done once figures are in, even if the connection was removed since (the connections panel says so)
        boolean complete = synced && hasData;
        // poll only while a sync can still change the list: not forever on a connection that never syncs
        return new Checklist(steps, complete, connected && !complete && syncing);
    }

    private static HomeView.Period period(LocalDate from, LocalDate to) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.US);
        String label = from.equals(to) ? day.format(from) : day.format(from) + " – " + day.format(to);
        return new HomeView.Period(from.toString(), to.toString(), label);
    }

    private boolean succeeded(WorkspaceAccess workspace, String type) {
        return !jobs.list(workspace.workspaceId(), new JobFilter(type, JobStatus.SUCCEEDED), 1, null).items().isEmpty();
    }

    private static ReportQuery totals(LocalDate from, LocalDate to) {
        return new ReportQuery(ReportLevel.ADVERTISER, from, to, KPI_METRICS, false, false, null, null, 1, 0);
    }

    /**
     * The KPIs in the workspace's reporting currency: every advertiser's figures summed, money converted at the daily
     * reference rates (a missing rate shows "—", never 0). Per currency only when nothing could be converted.
     */
    private static List<CurrencyKpis> kpis(ReportResult yesterday, ReportResult week) {
        if (week.convertedTotal() != null || yesterday.convertedTotal() != null) {
            String currency = (week.conversion() != null ? week.conversion() : yesterday.conversion()).currency();
            return List.of(new CurrencyKpis(currency, convertedKpis(yesterday, currency), convertedKpis(week, currency)));
        }
        Map<String, CurrencyKpis> byCurrency = new TreeMap<>();
        for (String currency : union(week, yesterday)) {
            byCurrency.put(currency, new CurrencyKpis(currency, kpis(yesterday, currency), kpis(week, currency)));
        }
        return List.copyOf(byCurrency.values());
    }

    private static List<String> union(ReportResult... results) {
        List<String> all = new ArrayList<>();
        for (ReportResult result : results) {
            for (ReportResult.Total total : result.totals()) {
                if (!all.contains(total.currency())) {
                    all.add(total.currency());
                }
            }
            for (ReportResult.Total total : result.previousTotals()) {
                if (!all.contains(total.currency())) {
                    all.add(total.currency());
                }
            }
        }
        return all;
    }

    private static List<Kpi> kpis(ReportResult result, String currency) {
        return kpis(metricsOf(result.totals(), currency), metricsOf(result.previousTotals(), currency), currency);
    }

    private static List<Kpi> convertedKpis(ReportResult result, String currency) {
        return kpis(result.convertedTotal() == null ? Map.of() : result.convertedTotal().metrics(),
                result.previousConvertedTotal() == null ? Map.of() : result.previousConvertedTotal().metrics(), currency);
    }

    /** The KPI tiles of a period against the one before, from their metrics in that currency. */
    private static List<Kpi> kpis(Map<String, Object> now, Map<String, Object> before, String currency) {
        List<Kpi> kpis = new ArrayList<>();
        for (Metric metric : KPI_METRICS) {
            Object value = now.get(metric.apiName());
            Object previous = before.get(metric.apiName());
            BigDecimal change = value == null || previous == null ? null : Formats.change(value, previous);
            kpis.add(new Kpi(metric.apiName(), label(metric), format(metric, value, currency),
                    format(metric, previous, currency), change == null ? null : Formats.percentChange(change),
                    trend(metric, change)));
        }
        return kpis;
    }

    private static String label(Metric metric) {
        return switch (metric) {
            case COST_PER_CONVERSION -> "CPA";
            case CTR -> "CTR";
            default -> metric.label();
        };
    }

    private static String format(Metric metric, Object value, String currency) {
        if (value == null) {
            return "—";
        }
        return switch (metric) {
            case SPEND, COST_PER_CONVERSION, CPC, CPM -> Formats.money(value, currency);
            case CTR -> Formats.number(value, 2) + "%";
            default -> Formats.number(value, 0);
        };
    }

    /** Spend going up or down is neither good nor bad; a cost going up is bad; anything else going up is good. */
    private static String trend(Metric metric, BigDecimal change) {
        if (change == null || change.signum() == 0 || metric == Metric.SPEND) {
            return "flat";
        }
        boolean up = change.signum() > 0;
        boolean cost = metric == Metric.COST_PER_CONVERSION;
        return up != cost ? "good" : "bad";
    }

    private static Map<String, Object> metricsOf(List<ReportResult.Total> totals, String currency) {
        return totals.stream().filter(t -> t.currency().equals(currency)).findFirst()
                .map(ReportResult.Total::metrics).orElse(Map.of());
    }

    private static List<SpendChart> charts(ReportResult chart, LocalDate today) {
        Map<String, Map<LocalDate, BigDecimal>> byCurrency = new TreeMap<>();
        // In the reporting currency: one chart of every advertiser's spend converted (a day without a rate is left out)
        for (ReportResult.Row row : chart.convertedRows()) {
            BigDecimal spend = Formats.decimal(row.metrics().get(Metric.SPEND.apiName()));
            if (spend != null) {
                byCurrency.computeIfAbsent(row.currency(), c -> new TreeMap<>()).put(row.date(), spend);
            }
        }
        for (ReportResult.Row row : chart.convertedRows().isEmpty() ? chart.rows() : List.<ReportResult.Row>of()) {
            BigDecimal spend = Formats.decimal(row.metrics().get(Metric.SPEND.apiName()));
            byCurrency.computeIfAbsent(row.currency(), c -> new TreeMap<>())
                    .merge(row.date(), spend == null ? BigDecimal.ZERO : spend, BigDecimal::add);
        }
        LocalDate first = today.minusDays(CHART_DAYS);
        List<SpendChart> charts = new ArrayList<>();
        byCurrency.forEach((currency, days) -> {
            BigDecimal max = days.values().stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
            BigDecimal total = days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            double slot = 300.0 / CHART_DAYS;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < CHART_DAYS; i++) {
                LocalDate day = first.plusDays(i);
                BigDecimal spend = days.getOrDefault(day, BigDecimal.ZERO);
                double height = max.signum() == 0 ? 0 : spend.doubleValue() / max.doubleValue() * 96;
                bars.add(new Bar(round(i * slot + slot * 0.1), round(100 - height), round(slot * 0.8),
                        round(height), day + ": " + Formats.money(spend, currency)));
            }
            charts.add(new SpendChart(currency, Formats.money(total, currency), first.toString(),
                    today.minusDays(1).toString(), bars));
        });
        return charts;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Each campaign's spend, conversions and CPA, last 7 days against the 7 before, in its own currency. */
    private ReportResult campaignWeeks(WorkspaceAccess workspace, LocalDate today) {
        return reports.run(workspace.workspaceId(), new ReportQuery(ReportLevel.CAMPAIGN,
                today.minusDays(7), today.minusDays(1), List.of(Metric.SPEND, Metric.CONVERSIONS,
                Metric.COST_PER_CONVERSION), false, true, null, null, 200, 0));
    }

    /**
     * The campaigns whose spend moved most, last 7 days against the 7 before. Amounts in different currencies
     * are not comparable, so a change is weighed by its share of its own currency's spend.
     */
    private static List<Mover> spendMovers(ReportResult result, String base) {
        Map<String, BigDecimal> currencySpend = new LinkedHashMap<>();
        for (ReportResult.Total total : result.totals()) {
            currencySpend.put(total.currency(), Formats.decimal(total.metrics().get(Metric.SPEND.apiName())));
        }
        record Scored(ReportResult.Row row, double score) {
        }
        return result.rows().stream()
                .filter(r -> r.entity() != null)
                .map(r -> {
                    BigDecimal now = spend(r.metrics());
                    BigDecimal before = spend(r.previous());
                    BigDecimal scale = currencySpend.getOrDefault(r.currency(), BigDecimal.ONE);
                    double score = scale == null || scale.signum() == 0 ? 0
                            : now.subtract(before).abs().doubleValue() / scale.doubleValue();
                    return new Scored(r, score);
                })
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(MOVERS)
                .map(s -> mover(s.row(), base, false))
                .toList();
    }

    /**
     * The campaigns whose cost per conversion changed most, as a share of last week's (a ratio compares across
     * currencies); only campaigns with a CPA in both weeks.
     */
    static List<Mover> cpaMovers(List<ReportResult.Row> rows, String base) {
        record Scored(ReportResult.Row row, double score) {
        }
        return rows.stream()
                .filter(r -> r.entity() != null && r.previous() != null)
                .map(r -> {
                    BigDecimal now = Formats.decimal(r.metrics().get(Metric.COST_PER_CONVERSION.apiName()));
                    BigDecimal before = Formats.decimal(r.previous().get(Metric.COST_PER_CONVERSION.apiName()));
                    double score = now == null || before == null || before.signum() <= 0 ? 0
                            : now.subtract(before).abs().doubleValue() / before.doubleValue();
                    return new Scored(r, score);
                })
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(MOVERS)
                .map(s -> mover(s.row(), base, true))
                .toList();
    }

    private static BigDecimal spend(Map<String, Object> metrics) {
        if (metrics == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal spend = Formats.decimal(metrics.get(Metric.SPEND.apiName()));
        return spend == null ? BigDecimal.ZERO : spend;
    }

    /** A mover row; {@code byCpa}: its change is the CPA's (rising is bad), else the spend's (neither). */
    private static Mover mover(ReportResult.Row row, String base, boolean byCpa) {
        String currency = row.currency();
        BigDecimal now = spend(row.metrics());
        BigDecimal before = spend(row.previous());
        Object cpaNow = row.metrics().get(Metric.COST_PER_CONVERSION.apiName());
        Object cpaBefore = row.previous() == null ? null : row.previous().get(Metric.COST_PER_CONVERSION.apiName());
        BigDecimal change = byCpa ? Formats.change(cpaNow, cpaBefore) : Formats.change(now, before);
        String trend = change == null || change.signum() == 0 ? "flat"
                : byCpa ? (change.signum() > 0 ? "bad" : "good") : (change.signum() > 0 ? "up" : "down");
        String url = row.entity().inventoryId() == null ? null
                : base + "/inventory/campaigns/" + row.entity().inventoryId();
        String name = Objects.requireNonNullElse(row.entity().name(), "Campaign " + row.entity().tiktokId());
        return new Mover(name, url, Formats.money(before, currency), Formats.money(now, currency),
                Formats.percentChange(change), trend, Formats.money(cpaBefore, currency), Formats.money(cpaNow, currency));
    }

    private static ConnectionHealth health(TikTokConnections.ConnectionView c, Instant now, ZoneId zone) {
        String label = switch (c.status()) {
            case ACTIVE -> "Connected";
            case NEEDS_REAUTH -> "Needs reconnecting";
            case ERROR -> "Error";
            case DISCONNECTED -> "Disconnected";
        };
        String badge = switch (c.status()) {
            case ACTIVE -> "badge-ok";
            case NEEDS_REAUTH -> "badge-warn";
            case ERROR, DISCONNECTED -> "";
        };
        return new ConnectionHealth(c.id(), c.connectedBy() == null ? null : c.connectedBy().name(), c.status(),
                label, badge, c.advertiserCount(), Formats.relative(c.lastSyncAt(), now),
                Formats.dateTime(c.lastSyncAt(), zone), c.lastError() == null ? null : c.lastError().message(),
                c.tokenExpiresAt() == null ? null : Formats.relative(c.tokenExpiresAt(), now));
    }
}
