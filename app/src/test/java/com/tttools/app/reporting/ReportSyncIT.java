package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.TikTokValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report sync against the simulator: every level, every day, spend to the cent and the counts, equal to
 * what TikTok's report API returns for the same token; a re-pull of a settled window changes nothing.
 */
class ReportSyncIT extends SimulatedWorkspaceTest {

    @Autowired
    MarketingApi api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void syncedFactsMatchTikTokAtEveryLevelAndARepullChangesNothing() {
        List<String> advertisers = simulator().advertiserIds().subList(0, 2);
        WorkspaceId workspace = WorkspaceId.random();
        SimulatedConnection connected = connect(workspace, advertisers);
        UUID connection = connected.id();
        AccessToken token = connected.token();
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        LocalDate from = to.minusDays(9);
        ReportSync.Payload payload = new ReportSync.Payload(connection, from, to);

        JobView done = runSync(workspace, payload);
        assertThat(done.status()).as(String.valueOf(done.lastError())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress().done()).isEqualTo(2);

        for (String advertiser : advertisers) {
            for (ReportLevel level : ReportLevel.values()) {
                Map<String, long[]> tiktok = new HashMap<>();
                Map<String, BigDecimal> tiktokSpend = new HashMap<>();
                ApiCall call = ApiCall.get("report/integrated/get/").param("advertiser_id", advertiser)
                        .param("report_type", "BASIC").param("data_level", level.dataLevel())
                        .param("dimensions", List.of(level.idDimension(), "stat_time_day"))
                        .param("metrics", List.of("spend", "impressions", "clicks", "conversion", "likes", "video_watched_6s"))
                        .param("start_date", from.toString()).param("end_date", to.toString());
                if (level.statusField() != null) {
                    call = call.param("filtering", List.of(Map.of("field_name", level.statusField(), "filter_type", "IN",
                            "filter_value", "[\"STATUS_ALL\"]")));
                }
                api.forEachPage(call, token, "list", 1000, page -> page.items().forEach(item -> {
                    String key = TikTokValues.id(item.path("dimensions").path(level.idDimension())).orElse(advertiser)
                            + "|" + item.path("dimensions").path("stat_time_day").asString().substring(0, 10);
                    var m = item.path("metrics");
                    tiktokSpend.put(key, TikTokValues.metric(m.path("spend")).orElse(BigDecimal.ZERO));
                    tiktok.put(key, new long[] {number(m, "impressions"), number(m, "clicks"), number(m, "conversion"),
                            number(m, "likes"), number(m, "video_watched_6s")});
                }));
                Map<String, BigDecimal> ourSpend = new HashMap<>();
                Map<String, long[]> ours = new HashMap<>();
                jdbc.sql("""
                                SELECT entity_id, stat_date, spend, impressions, clicks, conversions, likes, video_watched_6s
                                FROM report_daily_facts
                                WHERE workspace_id = :ws AND level = :level AND advertiser_id = :adv""")
                        .param("ws", workspace.value()).param("level", level.name()).param("adv", advertiser)
                        .query((rs, i) -> {
                            String key = rs.getString("entity_id") + "|" + rs.getDate("stat_date").toLocalDate();
                            ourSpend.put(key, rs.getBigDecimal("spend"));
                            ours.put(key, new long[] {rs.getLong("impressions"), rs.getLong("clicks"), rs.getLong("conversions"),
                                    rs.getLong("likes"), rs.getLong("video_watched_6s")});
                            return key;
                        }).list();
                assertThat(ours.keySet()).as(level + " rows of " + advertiser).isEqualTo(tiktok.keySet()).isNotEmpty();
                ours.forEach((key, values) -> {
                    assertThat(ourSpend.get(key)).as("spend " + key).isEqualByComparingTo(tiktokSpend.get(key));
                    assertThat(values).as("counts " + key).containsExactly(tiktok.get(key));
                });
            }
        }
        assertAdNamesAndParentsMatchTikTok(workspace, token, advertisers.get(0));
        BigDecimal advertiserSpend = sumSpend(workspace, "ADVERTISER");
        assertThat(sumSpend(workspace, "AD")).isEqualByComparingTo(advertiserSpend);
        assertThat(sumSpend(workspace, "CAMPAIGN")).isEqualByComparingTo(advertiserSpend);

        JobView again = runSync(workspace, payload);
        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        var ledger = jdbc.sql("""
                        SELECT min(pull_count), max(pull_count), sum(last_rows_changed) FROM report_finality
                        WHERE workspace_id = :ws""").param("ws", workspace.value())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(ledger).containsExactly(2, 2, 0);
    }

    /** Names and parent ids come with the facts (so deleted ads keep theirs): the same as TikTok's ad listing. */
    private void assertAdNamesAndParentsMatchTikTok(WorkspaceId workspace, AccessToken token, String advertiser) {
        Map<String, String> tiktok = new HashMap<>();
        api.forEachPage(ApiCall.get("ad/get/").param("advertiser_id", advertiser)
                        .param("filtering", Map.of("primary_status", "STATUS_ALL")), token, "list", 1000,
                page -> page.items().forEach(ad -> tiktok.put(TikTokValues.id(ad.path("ad_id")).orElseThrow(),
                        ad.path("ad_name").asString() + "|" + TikTokValues.id(ad.path("campaign_id")).orElseThrow() + "|"
                                + TikTokValues.id(ad.path("adgroup_id")).orElseThrow())));
        List<String[]> ours = jdbc.sql("""
                        SELECT DISTINCT entity_id, entity_name || '|' || campaign_id || '|' || adgroup_id
                        FROM report_daily_facts WHERE workspace_id = :ws AND level = 'AD' AND advertiser_id = :adv""")
                .param("ws", workspace.value()).param("adv", advertiser)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(ours).isNotEmpty();
        ours.forEach(row -> assertThat(row[1]).as("ad " + row[0]).isEqualTo(tiktok.get(row[0])));
    }

    private JobView runSync(WorkspaceId workspace, ReportSync.Payload payload) {
        JobView job = jobs.submit(JobRequest.of(workspace, ReportSync.JOB, payload));
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.find(workspace, job.jobId()).orElseThrow(), j -> j.status().finished());
    }

    private BigDecimal sumSpend(WorkspaceId workspace, String level) {
        return jdbc.sql("SELECT coalesce(sum(spend), 0) FROM report_daily_facts WHERE workspace_id = :ws AND level = :level")
                .param("ws", workspace.value()).param("level", level).query(BigDecimal.class).single();
    }

    private static long number(tools.jackson.databind.JsonNode metrics, String name) {
        return TikTokValues.metric(metrics.path(name)).map(BigDecimal::longValue).orElse(0L);
    }
}
