package com.tttools.app.reporting.internal;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.QueryTooLargeException;
import com.tttools.app.tiktok.ReportRequest;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.TikTokConnections;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.TikTokValues;
import java.math.BigDecimal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tiktok.report-sync} job: for every advertiser the connection's token reaches, pulls daily facts at
 * advertiser, campaign, ad group and ad level (deleted entities included) in windows TikTok accepts, and writes
 * them with the finality ledger. Without explicit dates it backfills a new advertiser and otherwise re-pulls the
 * restatement window up to today (advertiser-local). Checkpoints after each advertiser, so a retry resumes.
 */
@Component
class ReportSyncHandler implements JobHandler<ReportSync.Payload> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportSyncHandler.class);
    /** Spend, every counted metric under TikTok's name, and reach. */
    static final List<String> METRICS = metricNames();

    private static List<String> metricNames() {
        List<String> names = new ArrayList<>(List.of("spend"));
        com.tttools.app.reporting.Metric.COUNTS.forEach(m -> names.add(m.tiktokName()));
        names.add("reach");
        return List.copyOf(names);
    }
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Counter rowsWritten;
    private final TikTokMarketingApi api;
    private final TikTokConnections connections;
    private final FactWriter writer;
    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final Clock clock;
    private final SyncFinishedPublisher finished;

    ReportSyncHandler(TikTokMarketingApi api, TikTokConnections connections, FactWriter writer, JdbcClient jdbc,
            ReportingProperties properties, Clock clock, SyncFinishedPublisher finished, MeterRegistry meters) {
        this.rowsWritten = Counter.builder("tttools.sync.rows").description("Rows TikTok syncs wrote, by kind")
                .tag("kind", "reporting").register(meters);
        this.api = api;
        this.connections = connections;
        this.writer = writer;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.finished = finished;
    }

    @Override
    public JobType<ReportSync.Payload> type() {
        return ReportSync.JOB;
    }

    record Advertiser(String id, String name, String currency, ZoneId zone) {
    }

    @Override
    public void failed(WorkspaceId workspaceId, ReportSync.Payload payload, String error, java.time.Instant at) {
        finished.failed(workspaceId, payload.connectionId(), error, at);
    }

    @Override
    public void run(JobRun run, ReportSync.Payload payload) {
        UUID connectionId = payload.connectionId();
        if (connectionId == null) {
            throw new JobFailedPermanently("connectionId is missing or not an id");
        }
        LocalDate from = payload.from();
        LocalDate to = payload.to();
        if (from != null && to != null && from.isAfter(to)) {
            throw new JobFailedPermanently("from is after to");
        }
        WorkspaceId workspace = run.workspaceId();
        // a rejected token makes the client run the connection's health check (NEEDS_REAUTH) before it throws
        TikTokClient tiktok = api
                .forConnection(workspace, new ConnectionId(connectionId), Actor.system("job:" + run.jobId()))
                .background();
        try {
            List<String> ids = tiktok.authorizedAdvertiserIds().stream().sorted().toList();
            List<Advertiser> advertisers = details(tiktok, ids);
            remember(workspace, advertisers);
            Set<String> done = new HashSet<>();
            run.lastCheckpoint().ifPresent(c -> JSON.readTree(c).path("done").forEach(n -> done.add(n.asString())));
            int completed = done.size();
            // Every advertiser still to pull is marked incomplete from its start before the first pull, so one that
            // fails (or is never reached) is not reported as settled for days it holds no facts for.
            Map<String, LocalDate[]> ranges = new java.util.LinkedHashMap<>();
            for (Advertiser advertiser : advertisers) {
                if (!done.contains(advertiser.id())) {
                    LocalDate today = LocalDate.now(clock.withZone(advertiser.zone()));
                    LocalDate start = from != null ? from : defaultStart(workspace, advertiser.id(), today);
                    ranges.put(advertiser.id(), new LocalDate[] {start, to != null ? to : today});
                    markIncomplete(workspace, advertiser.id(), start);
                }
            }
            for (Advertiser advertiser : advertisers) {
                if (done.contains(advertiser.id())) {
                    continue;
                }
                run.stopIfCancelled();
                LocalDate start = ranges.get(advertiser.id())[0];
                LocalDate end = ranges.get(advertiser.id())[1];
                syncAdvertiser(workspace, tiktok, advertiser, start, end, row -> skipped(run, row));
                markComplete(workspace, advertiser.id(), start);
                done.add(advertiser.id());
                completed++;
                run.progress(completed, (long) advertisers.size());
                run.checkpoint(JSON.writeValueAsString(Map.of("done", done)));
            }
            connections.recordSync(workspace, new ConnectionId(connectionId), clock.instant());
            finished.publish(workspace, connectionId, clock.instant());
        } catch (NeedsReauthorizationException e) {
            throw new JobFailedPermanently("TikTok no longer accepts this connection's token (" + e.code()
                    + "); reconnect it", e);
        }
    }

    /** The restatement window for a known advertiser (or from where its last pull stopped), else the backfill. */
    private LocalDate defaultStart(WorkspaceId workspace, String advertiserId, LocalDate today) {
        boolean known = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM report_finality WHERE workspace_id = :ws AND advertiser_id = :adv)""")
                .param("ws", workspace.value()).param("adv", advertiserId).query(Boolean.class).single();
        LocalDate backfill = today.minusDays(properties.backfillDays() - 1);
        if (!known) {
            return backfill;
        }
        LocalDate restatement = today.minusDays(properties.restatementDays());
        LocalDate incomplete = jdbc.sql("""
                        SELECT pull_incomplete_from FROM report_advertisers WHERE workspace_id = :ws AND advertiser_id = :adv""")
                .param("ws", workspace.value()).param("adv", advertiserId)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (incomplete == null || !incomplete.isBefore(restatement)) {
            return restatement;
        }
        return incomplete.isBefore(backfill) ? backfill : incomplete;
    }

    private void markIncomplete(WorkspaceId workspace, String advertiserId, LocalDate start) {
        jdbc.sql("""
                        UPDATE report_advertisers SET pull_incomplete_from = LEAST(pull_incomplete_from, :start)
                        WHERE workspace_id = :ws AND advertiser_id = :adv""")
                .param("ws", workspace.value()).param("adv", advertiserId).param("start", java.sql.Date.valueOf(start))
                .update();
    }

    /** The pull from {@code start} finished: an earlier unfinished one (before {@code start}) stays marked. */
    private void markComplete(WorkspaceId workspace, String advertiserId, LocalDate start) {
        jdbc.sql("""
                        UPDATE report_advertisers SET pull_incomplete_from = NULL
                        WHERE workspace_id = :ws AND advertiser_id = :adv AND pull_incomplete_from >= :start""")
                .param("ws", workspace.value()).param("adv", advertiserId).param("start", java.sql.Date.valueOf(start))
                .update();
    }

    /** A fact row PostgreSQL cannot take: only it is skipped, named in the job's messages. */
    private static void skipped(JobRun run, FactRow row) {
        log.warn("Skipped the {} fact of {} on {} (advertiser {}): values that cannot be stored", row.level(),
                row.entityId(), row.date(), row.advertiserId());
        run.message("Skipped the " + row.level().name().toLowerCase(java.util.Locale.ROOT) + " " + row.entityId()
                + (row.entityName() == null ? "" : " (\"" + StorableValues.sanitize(row.entityName()) + "\")")
                + " on " + row.date() + ": TikTok sent values that cannot be stored.");
    }

    private void syncAdvertiser(WorkspaceId workspace, TikTokClient tiktok, Advertiser advertiser, LocalDate start,
            LocalDate end, Consumer<FactRow> rejected) {
        for (LocalDate windowStart = start; !windowStart.isAfter(end); ) {
            LocalDate windowEnd = min(windowStart.plusDays(properties.windowDays() - 1), end);
            // Pages are encoded into the batch as they arrive (spilling to a temporary file for very large
            // accounts) and written in one transaction at the end of the window.
            try (FactWriter.Batch batch = writer.open(workspace, clock.instant(), rejected)) {
                for (ReportLevel level : ReportLevel.values()) {
                    pull(tiktok, advertiser, level, windowStart, windowEnd, batch::add);
                }
                rowsWritten.increment(batch.commit());
            }
            windowStart = windowEnd.plusDays(1);
        }
    }

    /** One level of one window; a window TikTok finds too large is split in halves. */
    private void pull(TikTokClient tiktok, Advertiser advertiser, ReportLevel level, LocalDate start, LocalDate end,
            Consumer<FactRow> into) {
        ReportRequest request = new ReportRequest(advertiser.id(), level.dataLevel(),
                List.of(level.idDimension(), "stat_time_day"), metrics(level), start, end, level.statusField());
        try {
            tiktok.report(request, page -> page.items().forEach(item -> into.accept(row(advertiser, level, item))));
        } catch (QueryTooLargeException e) {
            if (start.equals(end)) {
                throw e;
            }
            LocalDate middle = start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2);
            pull(tiktok, advertiser, level, start, middle, into);
            pull(tiktok, advertiser, level, middle.plusDays(1), end, into);
        }
    }

    private static List<String> metrics(ReportLevel level) {
        List<String> metrics = new ArrayList<>(level.attributeMetrics());
        metrics.addAll(METRICS);
        return metrics;
    }

    private static FactRow row(Advertiser advertiser, ReportLevel level, JsonNode item) {
        JsonNode dimensions = item.path("dimensions");
        JsonNode metrics = item.path("metrics");
        String entity = TikTokValues.id(dimensions.path(level.idDimension())).orElse(advertiser.id());
        LocalDate day = LocalDate.parse(dimensions.path("stat_time_day").asString().substring(0, 10));
        String campaign = switch (level) {
            case ADVERTISER -> null;
            case CAMPAIGN -> entity;
            case ADGROUP, AD -> attribute(metrics, "campaign_id");
        };
        String adgroup = switch (level) {
            case ADVERTISER, CAMPAIGN -> null;
            case ADGROUP -> entity;
            case AD -> attribute(metrics, "adgroup_id");
        };
        return new FactRow(level, entity, day, advertiser.id(), campaign, adgroup,
                attribute(metrics, level.nameAttribute()), advertiser.currency(),
                TikTokValues.metric(metrics.path("spend")).orElse(BigDecimal.ZERO),
                count(metrics, "impressions"), count(metrics, "clicks"), count(metrics, "conversion"),
                count(metrics, "result"), count(metrics, "video_play_actions"), engagement(metrics),
                TikTokValues.metric(metrics.path("reach")).map(BigDecimal::longValue).orElse(null));
    }

    /** An attribute metric as text; TikTok's empty value "-" (and a missing one) is null. Ids may come as numbers. */
    private static String attribute(JsonNode metrics, String name) {
        JsonNode value = metrics.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.isNumber() ? value.asString() : value.asString("");
        return text.isBlank() || text.equals("-") ? null : text;
    }

    private static int[] engagement(JsonNode metrics) {
        int[] counts = new int[FactRow.ENGAGEMENT.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.toIntExact(count(metrics, FactRow.ENGAGEMENT.get(i).tiktokName()));
        }
        return counts;
    }

    private static long count(JsonNode metrics, String name) {
        return TikTokValues.metric(metrics.path(name)).map(BigDecimal::longValue).orElse(0L);
    }

    private List<Advertiser> details(TikTokClient tiktok, List<String> ids) {
        List<Advertiser> advertisers = new ArrayList<>();
        tiktok.advertiserInfo(ids, List.of("advertiser_id", "name", "currency", "timezone")).forEach(a -> advertisers.add(
                new Advertiser(TikTokValues.id(a.path("advertiser_id")).orElseThrow(), a.path("name").asString(null),
                        a.path("currency").asString(), Timezones.zoneOrUtc(a.path("timezone").asString("UTC")))));
        return advertisers;
    }

    /** Reports name the advertisers they span with their currency and timezone. */
    private void remember(WorkspaceId workspace, List<Advertiser> advertisers) {
        for (Advertiser advertiser : advertisers) {
            jdbc.sql("""
                            INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                            VALUES (:ws, :adv, :name, :currency, :timezone, :now)
                            ON CONFLICT (workspace_id, advertiser_id) DO UPDATE
                               SET name = EXCLUDED.name, currency = EXCLUDED.currency, timezone = EXCLUDED.timezone,
                                   updated_at = EXCLUDED.updated_at""")
                    .param("ws", workspace.value()).param("adv", advertiser.id()).param("name", advertiser.name())
                    .param("currency", advertiser.currency()).param("timezone", advertiser.zone().getId())
                    .param("now", java.sql.Timestamp.from(clock.instant())).update();
        }
    }


    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
