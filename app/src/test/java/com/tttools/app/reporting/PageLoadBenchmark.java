package com.tttools.app.reporting;

import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.simulator.SimulatorControl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The page-load benchmark of docs/benchmarks.md (issue 18, point 1), skipped unless {@code -Dbench=true}:
 * <pre>
 * mvn -q -o -pl tiktok-simulator,app verify -Dbench=true -Dtest=PageLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The app runs in the test JVM on a random port; the benchmark signs up a user, creates an organization, a
 * workspace, a personal access token, and syncs 90 days of report facts and the inventory of six simulator
 * advertisers, then drives each URL with {@code wrk --latency -t2 -c64 -d20s} (after a 3 s warm-up at the same
 * concurrency), three rounds, and prints requests/s, p50 and p99, and the ratios to {@code GET /api/v1/me} with the
 * same session. Responses are asked for with {@code Accept-Encoding: gzip}, as browsers do.
 * Lines start with {@code BENCH}. Its name does not end in Test or IT: the normal build neither runs nor counts it.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PageLoadBenchmark extends SimulatedWorkspaceTest {

    static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 3);
    /** Rounds over all URLs in the same run (the same data and JVM), for the spread. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int ADVERTISERS = 6;
    static final int DAYS = 90;

    /** @param header one request header ("Name: value"), or null; {@code htmx} adds HX-Request as htmx sends it */
    record Url(String name, String path, String header, boolean htmx) {

        Url(String name, String path, String header) {
            this(name, path, header, false);
        }
    }

    record Result(Url url, double requestsPerSecond, double p50Ms, double p99Ms, long non2xx, long bytesPerRequest,
            String socketErrors) {
    }

    @Test
    void pageLoad() throws Exception {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("bench-pages");
        String org = tenants.createOrganization(owner, "Benchmark Org");
        String workspace = tenants.createWorkspace(owner, org, "Benchmark workspace");
        String token = Tenants.expect(owner.api().post("/api/v1/me/tokens", Map.of("name", "page benchmark",
                "readOnly", true)), 201).json().get("token").asString();
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(DAYS - 1);
        sync(simulator(), WorkspaceId.of(workspace), from, to);
        String cookie = "Cookie: SESSION=" + owner.api().sessionCookie();
        String bearer = "Authorization: Bearer " + token;

        List<Url> urls = List.of(
                new Url("readiness", "/actuator/health/readiness", null),
                new Url("me (session)", "/api/v1/me", cookie),
                new Url("me (token)", "/api/v1/me", bearer),
                new Url("report API, 90 days, campaign by date (token)", "/api/v1/workspaces/" + workspace
                        + "/reports?level=CAMPAIGN&groupBy=date&from=" + from + "&to=" + to, bearer),
                new Url("workspace page", "/workspaces/" + workspace, cookie),
                new Url("reporting page, last 30 days, campaign level", "/workspaces/" + workspace
                        + "/reports?level=CAMPAIGN&preset=last30", cookie),
                // what the two pages load by htmx right after their first paint (not in the goals' ratios)
                new Url("  workspace page's figures (fragment)", "/workspaces/" + workspace + "/home/overview", cookie,
                        true),
                new Url("  reporting page's summary (fragment)", "/workspaces/" + workspace
                        + "/reports/sections?level=CAMPAIGN&preset=last30&metric=spend&part=summary", cookie, true),
                new Url("  reporting page's entity table (fragment)", "/workspaces/" + workspace
                        + "/reports/sections?level=CAMPAIGN&preset=last30&metric=spend&part=entities", cookie, true));
        for (Url url : urls) {
            List<String> headers = new ArrayList<>();
            if (url.header() != null) {
                headers.addAll(List.of(url.header().split(": ", 2)));
            }
            if (url.htmx()) {
                headers.addAll(List.of("HX-Request", "true"));
            }
            int status = (headers.isEmpty() ? owner.api().get(url.path())
                    : owner.api().get(url.path(), headers.toArray(String[]::new))).status();
            System.out.printf("BENCH %s answers %d%n", url.path(), status);
        }
        System.out.printf("BENCH machine: %d cores, %s %s, load average before %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), uptime());
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("BENCH round %d of %d%n", round, ROUNDS);
            List<Result> results = new ArrayList<>();
            for (Url url : urls) {
                if (url.name().startsWith("  ") && Boolean.getBoolean("bench.noFragments")) {
                    continue;
                }
                wrk(url, WARMUP_SECONDS);
                Result result = wrk(url, SECONDS);
                results.add(result);
                System.out.printf("BENCH %-50s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  %6d B  non-2xx %d"
                                + "  socket errors %s  load %s%n", url.name(), result.requestsPerSecond(), result.p50Ms(),
                        result.p99Ms(), result.bytesPerRequest(), result.non2xx(), result.socketErrors(), uptime());
            }
            double me = results.get(1).requestsPerSecond();
            System.out.printf("BENCH round %d ratio workspace page / me (session) = %.2f (goal >= 0.5)%n", round,
                    results.get(4).requestsPerSecond() / me);
            System.out.printf("BENCH round %d ratio reporting page / me (session) = %.2f (goal >= 0.25)%n", round,
                    results.get(5).requestsPerSecond() / me);
            System.out.printf("BENCH round %d ratio report API / me (token) = %.2f%n", round,
                    results.get(3).requestsPerSecond() / results.get(2).requestsPerSecond());
        }
    }

    /** 90 days of report facts and the inventory of the first six simulator advertisers. */
    private void sync(SimulatorControl control, WorkspaceId workspace, LocalDate from, LocalDate to) {
        List<String> chosen = control.advertiserIds().subList(0, Math.min(ADVERTISERS, control.advertiserIds().size()));
        UUID connection = UUID.randomUUID();
        tokenStore.storeAccessToken(workspace, connection,
                new AccessToken(control.issueAccessToken(DEV_APP, chosen)));
        var facts = jobs.submit(JobRequest.of(workspace, ReportSync.JOB, new ReportSync.Payload(connection, from, to)));
        var assets = jobs.submit(JobRequest.of(workspace, com.tttools.app.inventory.AssetSync.JOB,
                new com.tttools.app.inventory.AssetSync.Payload(connection)));
        for (var submitted : List.of(facts, assets)) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> jobs.find(workspace, submitted.jobId()).orElseThrow().status(),
                            s -> s == JobStatus.SUCCEEDED);
        }
    }

    private Result wrk(Url url, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(WRK, "--latency", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--timeout", "60s"));
        if (url.header() != null) {
            command.addAll(List.of("-H", url.header()));
        }
        if (url.htmx()) {
            command.addAll(List.of("-H", "HX-Request: true"));
        }
        command.addAll(List.of("-H", "Accept-Encoding: gzip"));
        command.add("http://127.0.0.1:" + port + url.path());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            out = String.join("\n", reader.lines().toList());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        double rps = Double.parseDouble(group(out, "Requests/sec:\\s+([0-9.]+)"));
        long requests = Long.parseLong(group(out, "([0-9]+) requests in"));
        double transfer = size(group(out, "requests in [^,]+, ([0-9.]+[KMG]?B) read"));
        long non2xx = out.contains("Non-2xx") ? Long.parseLong(group(out, "Non-2xx or 3xx responses: ([0-9]+)")) : 0;
        String errors = out.contains("Socket errors") ? group(out, "Socket errors: ([^\n]+)") : "none";
        return new Result(url, rps, millis(group(out, "50%\\s+([0-9.]+[mu]?s)")), millis(group(out, "99%\\s+([0-9.]+[mu]?s)")),
                non2xx, requests == 0 ? 0 : Math.round(transfer / requests), errors);
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
        }
        return m.group(1);
    }

    private static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
    }

    private static double size(String value) {
        String number = value.replaceAll("[KMG]?B$", "");
        double factor = value.endsWith("KB") ? 1024 : value.endsWith("MB") ? 1024 * 1024
                : value.endsWith("GB") ? 1024.0 * 1024 * 1024 : 1;
        return Double.parseDouble(number) * factor;
    }

    private static String uptime() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
