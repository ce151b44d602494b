package com.tttools.simulator;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.tttools.simulator.core.Json;

/**
 * Loopback benchmark: starts the standalone simulator (default scale large) on a random port,
 * records start-up time and heap, then measures requests/s for campaign/get and
 * report/integrated/get pages of 1000 rows. Prints a Markdown section for docs/benchmarks.md.
 *
 * <pre>java -Xmx512m -jar tiktok-simulator/target/tiktok-simulator-0.1.0-SNAPSHOT-exec.jar --benchmark [--scale large] [--seconds 20] [--clients 4]</pre>
 */
final class SimulatorBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SimulatorBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> opts = SimulatorApplication.options(args);
        Scale scale = Scale.parse(opts.getOrDefault("scale", "large"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "4"));
        Instant now = Instant.parse(opts.getOrDefault("now", "2026-03-18T10:30:00Z"));

        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = SimulatorApplication.start(0, SimulatorSettings.defaults().withScale(scale).withNow(now));
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        System.gc();
        long heapAfterStart = used();

        post(base + "/_sim/limits", "{\"appQps\": 1000000, \"advertiserPathQps\": 1000000}");
        post(base + "/_sim/consent", "{\"autoApprove\": true}");
        String info = get(base + "/_sim/info", null);
        String location = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/portal/auth?app_id=" + SimApp.DEV_APP_ID + "&redirect_uri="
                + enc("http://localhost/cb") + "&state=b")).build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
        String code = URI.create(location).getQuery().substring(10, 50);
        String tokenBody = post(base + "/open_api/v1.3/oauth2/access_token/", Json.string(Map.of("app_id", SimApp.DEV_APP_ID,
                "secret", SimApp.DEV_SECRET, "auth_code", code, "return_advertiser_ids", false)));
        @SuppressWarnings("unchecked")
        String token = (String) ((Map<String, Object>) Json.parseObject(tokenBody).get("data")).get("access_token");
        @SuppressWarnings("unchecked")
        String advertiser = ((List<String>) Json.parseObject(info).get("first_advertiser_ids")).get(0);

        String campaignUrl = base + "/open_api/v1.3/campaign/get/?advertiser_id=" + advertiser + "&page_size=1000&page=";
        String reportUrl = base + "/open_api/v1.3/report/integrated/get/?advertiser_id=" + advertiser + "&report_type=BASIC&data_level=AUCTION_AD"
                + "&dimensions=" + enc("[\"ad_id\",\"stat_time_day\"]")
                + "&metrics=" + enc("[\"spend\",\"impressions\",\"clicks\",\"ctr\",\"cpc\",\"cpm\",\"reach\",\"conversion\",\"cost_per_conversion\",\"video_play_actions\"]")
                + "&start_date=2026-03-01&end_date=2026-03-14&page_size=1000&page=";
        int campaignPages = totalPages(get(campaignUrl + 1, token));
        int reportPages = totalPages(get(reportUrl + 1, token));

        List<String> lines = new ArrayList<>();
        AtomicLong peak = new AtomicLong(heapAfterStart);
        lines.add(run("campaign/get, page_size 1000 (" + campaignPages + " pages, 2,500 campaigns)", clients, seconds,
                p -> campaignUrl + (1 + p % Math.max(1, campaignPages)), token, peak));
        lines.add(run("report/integrated/get, AUCTION_AD x stat_time_day, 14 days, page_size 1000, paging through all " + reportPages
                + " pages of one query (rows computed once, then served from the report cache)", clients, seconds,
                p -> reportUrl + (1 + p % Math.max(1, reportPages)), token, peak));
        String coldUrl = reportUrl.replace("&start_date=2026-03-01&end_date=2026-03-14&page_size=1000&page=", "&page_size=1000&page=1");
        java.time.LocalDate first = java.time.LocalDate.of(2026, 3, 1);
        lines.add(run("report/integrated/get, same shape, page 1 of a different 14-day window each time (cache defeated: all ~"
                + reportPages * 1000 / 1000 + "k rows computed per request)", clients, seconds,
                p -> coldUrl + "&start_date=" + first.minusDays(p % 600) + "&end_date=" + first.minusDays(p % 600).plusDays(13), token, peak));

        System.gc();
        long heapAfterLoad = used();
        long oldGenAfterGc = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                oldGenAfterGc = Math.max(oldGenAfterGc, pool.getCollectionUsage().getUsed());
            }
        }
        System.out.println();
        System.out.println("### TikTok simulator (" + scale.name().toLowerCase() + " scale)");
        System.out.println();
        System.out.println("- world: " + info);
        System.out.println("- start-up to first request (Spring + data generation): " + String.format("%.2f s", startSeconds));
        System.out.println("- heap used after start (after GC): " + mb(heapAfterStart) + " MB; after the load (after GC, report cache full): "
                + mb(heapAfterLoad) + " MB; old generation after the last GC: " + mb(oldGenAfterGc) + " MB; highest sample under load (garbage included): "
                + mb(peak.get()) + " MB; max heap (-Xmx): " + mb(Runtime.getRuntime().maxMemory()) + " MB");
        System.out.println("- load: " + clients + " concurrent clients on loopback, " + seconds + " s per workload after a 3 s warm-up");
        System.out.println();
        System.out.println("| workload | requests/s | mean latency ms | errors |");
        System.out.println("|---|---|---|---|");
        lines.forEach(System.out::println);
        ctx.close();
    }

    private static String run(String name, int clients, int seconds, IntFunction<String> url, String token, AtomicLong peak) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean ok;
                    try {
                        String body = get(url.apply(i), token);
                        ok = body.startsWith("{\"code\":0,");
                    } catch (Exception e) {
                        ok = false;
                    }
                    long e = System.nanoTime();
                    if (s >= warmEnd) {
                        done.incrementAndGet();
                        nanos.addAndGet(e - s);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    i += clients;
                    peak.accumulateAndGet(used(), Math::max);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double rps = done.get() / (double) seconds;
        double mean = done.get() == 0 ? 0 : nanos.get() / 1e6 / done.get();
        return String.format("| %s | %.1f | %.1f | %d |", name, rps, mean, errors.get());
    }

    private static int totalPages(String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) Json.parseObject(body).get("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) data.get("page_info");
        return ((Number) info.get("total_page")).intValue();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Access-Token", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
