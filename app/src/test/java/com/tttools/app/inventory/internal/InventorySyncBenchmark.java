package com.tttools.app.inventory.internal;

import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.Scale;
import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The inventory benchmark of docs/benchmarks.md, skipped unless {@code -Dbench=true}. Run it alone (it switches
 * the shared simulator to the large world, and back to small afterwards):
 * {@code mvn -q -o -pl app verify -Dbench=true -Dtest=InventorySyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results are printed as lines starting with "BENCH".
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InventorySyncBenchmark extends IntegrationTest {

    @Autowired
    EntityWriter writer;
    @Autowired
    Jobs jobs;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> registration;

    /** The COPY + merge path alone: ad-sized rows (about 1 KB of JSON each) in pages of 1,000, as a sync writes them. */
    @Test
    void writeThroughput() {
        WorkspaceId workspace = WorkspaceId.random();
        UUID connection = UUID.randomUUID();
        int total = Integer.getInteger("bench.rows", 200_000);
        List<List<EntityRow>> pages = new ArrayList<>();
        for (int from = 0; from < total; from += 1000) {
            List<EntityRow> page = new ArrayList<>(1000);
            for (int i = from; i < Math.min(from + 1000, total); i++) {
                page.add(ad(i));
            }
            pages.add(page);
        }
        writer.upsert(workspace, UUID.randomUUID(), Instant.now(), pages.get(0).subList(0, 10));   // warm-up
        for (String pass : List.of("insert", "update")) {
            long start = System.nanoTime();
            for (List<EntityRow> page : pages) {
                writer.upsert(workspace, connection, Instant.now(), page);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH write %s: %,d entities in %.2f s = %,.0f entities/s%n", pass, total, seconds,
                    total / seconds);
        }
    }

    /** A full sync of the large world at the simulator's 10 QPS, against calls needed / QPS. */
    @Test
    void fullSyncOfTheLargeWorldAt10Qps() {
        SimulatorControl simulator = EmbeddedSimulator.control(registration);
        simulator.reset(42, Scale.LARGE);
        try {
            simulator.limits(10, 20, null, null);
            WorkspaceId workspace = WorkspaceId.random();
            UUID connection = UUID.randomUUID();
            tokens.storeAccessToken(workspace, connection,
                    new AccessToken(simulator.issueAccessToken("7000000000000000001", null)));
            long okBefore = answers(simulator, "0");
            long limitedBefore = answers(simulator, "40100") + answers(simulator, "40133");
            long start = System.nanoTime();
            JobView job = jobs.submit(AssetSync.request(workspace, connection));
            JobView done = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> jobs.find(workspace, job.jobId()).orElseThrow(), j -> j.status().finished());
            double seconds = (System.nanoTime() - start) / 1e9;
            long calls = answers(simulator, "0") - okBefore;
            long limited = answers(simulator, "40100") + answers(simulator, "40133") - limitedBefore;
            System.out.printf("BENCH sync %s: %.1f s, %,d successful calls (+%d rate-limited answers), lower bound %.1f s,"
                    + " ratio %.2f; attempts %d%n", done.status(), seconds, calls, limited, calls / 10.0,
                    seconds / (calls / 10.0), done.attempts());
            System.out.println("BENCH sync entities: " + counts(workspace));
        } finally {
            simulator.reset(42, Scale.SMALL);
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Map<String, Long> counts(WorkspaceId workspace) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT kind, count(*) AS n FROM inventory_entities WHERE workspace_id = :ws GROUP BY kind")
                .param("ws", workspace.value())
                .query((rs, n) -> counts.put(rs.getString("kind"), rs.getLong("n"))).list();
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static long answers(SimulatorControl simulator, String code) {
        Map<String, Long> perCode = (Map<String, Long>) simulator.stats().get("answers_per_code");
        return perCode.getOrDefault(code, 0L);
    }

    private static EntityRow ad(int i) {
        String id = Long.toString(1_800_000_000_000_000L + i);
        String json = """
                {"advertiser_id":"7000000000000000042","campaign_id":"%1$s1","campaign_name":"Campaign %2$d",
                 "adgroup_id":"%1$s2","adgroup_name":"Ad group %2$d","ad_id":"%1$s","ad_name":"Ad %2$d spring sale",
                 "create_time":"2025-01-01 10:00:00","modify_time":"2026-11-01 10:00:00","operation_status":"ENABLE",
                 "secondary_status":"AD_STATUS_DELIVERY_OK","ad_format":"SINGLE_VIDEO",
                 "ad_text":"Spring sale: everything must go, today only, free shipping on all orders over 30 dollars",
                 "call_to_action":"SHOP_NOW","landing_page_url":"https://shop.example.com/spring-sale?utm_source=tiktok&ad=%2$d",
                 "display_name":"Example Shop","identity_type":"CUSTOMIZED_USER","identity_id":"7080121820963422209",
                 "video_id":"v10033g50000c5nsqcbc77ubdn136b70","image_ids":["v0201/8f77082a1f3c40c586f8282356490c58"],
                 "tracking_pixel_id":"7123456789012345678","deeplink":"","deeplink_type":"NORMAL","is_aco":false,
                 "is_new_structure":true,"creative_authorized":true,"optimization_event":"SHOPPING"}"""
                .formatted(id, i);
        return new EntityRow(EntityKind.AD, id, "7000000000000000042", id + "2", id + "1", "Ad " + i + " spring sale",
                "AD_STATUS_DELIVERY_OK", null, json, Instant.parse("2026-11-01T10:00:00Z"));
    }
}
