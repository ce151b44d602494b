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
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * mvn -q -o -pl tiktok-simulator,app test -Dbench=true -Dtest=PageLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The app runs in the test JVM on a random port; the benchmark signs up a user, creates an organization, a
 * workspace, a personal access token, and syncs 90 days of report facts and the inventory of six simulator
 * advertisers. Then every URL is warmed up, {@code bench.warmupPasses} passes over all of them of
 * {@code bench.warmup} seconds each (so the JIT has compiled the paths of every URL before any is measured, not
 * only of the ones measured first), and the URLs are measured in {@code bench.rounds} interleaved rounds of short
 * {@code wrk --latency -t2 -c64 -d<bench.seconds>s} runs: each round starts with {@code GET /api/v1/me} (session),
 * the workspace page and the reporting page back to back, in an order rotated from round to round, then the other
 * URLs. A goal's ratio is taken within each round (the load of the machine hits both sides alike) and reported as
 * the median over the rounds with its spread (lowest–highest). Responses are asked for with
 * {@code Accept-Encoding: gzip}, as browsers do. Lines start with {@code BENCH}. Its name does not end in Test or
 * IT: the normal build neither runs nor counts it.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PageLoadBenchmark extends SimulatedWorkspaceTest {

    static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    /** Length of one measured wrk run; short, so that the rounds interleave often. */
    static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    static final int WARMUP_PASSES = Integer.getInteger("bench.warmupPasses", 2);
    /** Interleaved rounds over all URLs in the same run (the same data and JVM): the median and the spread. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    static final int ADVERTISERS = 6;
    static final int DAYS = 90;

    /** @param header one request header ("Name: value"), or null; {@code htmx} adds HX-Request as htmx sends it */
    record Url(String name, String path, String header, boolean htmx) {

        Url(String name, String path, String header) {
            this(name, path, header, false);
        }

        boolean fragment() {
            return name.startsWith("  ");
        }
    }

    record Result(Url url, double requestsPerSecond, double p50Ms, double p99Ms, long non2xx, long bytesPerRequest,
            String socketErrors) {
    }

    /** A goal: requests/s of {@code subject} ÷ those of {@code anchor} in the same round. */
    record Ratio(String name, Url subject, Url anchor, String goal) {
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

        Url meSession = new Url("me (session)", "/api/v1/me", cookie);
        Url meToken = new Url("me (token)", "/api/v1/me", bearer);
        Url reportApi = new Url("report API, 90 days, campaign by date (token)", "/api/v1/workspaces/" + workspace
                + "/reports?level=CAMPAIGN&groupBy=date&from=" + from + "&to=" + to, bearer);
        Url workspacePage = new Url("workspace page", "/workspaces/" + workspace, cookie);
        Url reportingPage = new Url("reporting page, last 30 days, campaign level", "/workspaces/" + workspace
                + "/reports?level=CAMPAIGN&preset=last30", cookie);
        List<Url> goalUrls = List.of(meSession, workspacePage, reportingPage);
        List<Url> otherUrls = new ArrayList<>(List.of(
                new Url("readiness", "/actuator/health/readiness", null),
                meToken,
                reportApi,
                // what the two pages load by htmx right after their first paint (not in the goals' ratios)
                new Url("  workspace page's figures (fragment)", "/workspaces/" + workspace + "/home/overview", cookie,
                        true),
                new Url("  reporting page's summary (fragment)", "/workspaces/" + workspace
                        + "/reports/sections?level=CAMPAIGN&preset=last30&metric=spend&part=summary", cookie, true),
                new Url("  reporting page's entity table (fragment)", "/workspaces/" + workspace
                        + "/reports/sections?level=CAMPAIGN&preset=last30&metric=spend&part=entities", cookie, true)));
        if (Boolean.getBoolean("bench.noFragments")) {
            otherUrls.removeIf(Url::fragment);
        }
        List<Ratio> ratios = List.of(
                new Ratio("workspace page / me (session)", workspacePage, meSession, "goal >= 0.5"),
                new Ratio("reporting page / me (session)", reportingPage, meSession, "goal >= 0.25"),
                new Ratio("report API / me (token)", reportApi, meToken, "no goal"));
        List<Url> all = new ArrayList<>(goalUrls);
        all.addAll(otherUrls);
        for (Url url : all) {
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
        System.out.printf("BENCH method: warm-up %d passes x %d s per URL, then %d interleaved rounds of %d s per URL,"
                + " wrk -t2 -c%d%n", WARMUP_PASSES, WARMUP_SECONDS, ROUNDS, SECONDS, CONNECTIONS);
        for (int pass = 1; pass <= WARMUP_PASSES; pass++) {
            for (Url url : all) {
                Result warm = wrk(url, WARMUP_SECONDS);
                System.out.printf("BENCH warm-up %d %-50s %8.1f req/s  load %s%n", pass, url.name(),
                        warm.requestsPerSecond(), uptime());
            }
        }
        Map<Url, List<Result>> measured = new LinkedHashMap<>();
        all.forEach(url -> measured.put(url, new ArrayList<>()));
        Map<Ratio, List<Double>> ratioValues = new LinkedHashMap<>();
        ratios.forEach(ratio -> ratioValues.put(ratio, new ArrayList<>()));
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("BENCH round %d of %d%n", round, ROUNDS);
            List<Url> order = new ArrayList<>(goalUrls);
            Collections.rotate(order, round - 1);   // no URL always right after the warm JIT of another
            order.addAll(otherUrls);
            Map<Url, Result> results = new LinkedHashMap<>();
            for (Url url : order) {
                Result result = wrk(url, SECONDS);
                results.put(url, result);
                measured.get(url).add(result);
                System.out.printf("BENCH %-50s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  %6d B  non-2xx %d"
                                + "  socket errors %s  load %s%n", url.name(), result.requestsPerSecond(), result.p50Ms(),
                        result.p99Ms(), result.bytesPerRequest(), result.non2xx(), result.socketErrors(), uptime());
            }
            for (Ratio ratio : ratios) {
                Result subject = results.get(ratio.subject());
                Result anchor = results.get(ratio.anchor());
                if (anchor.requestsPerSecond() == 0 || subject.non2xx() > 0 || anchor.non2xx() > 0) {
                    // no answer inside the run, or errors (an overloaded machine): the round says nothing
                    System.out.printf("BENCH round %d ratio %s not taken: %.1f / %.1f req/s, non-2xx %d / %d%n", round,
                            ratio.name(), subject.requestsPerSecond(), anchor.requestsPerSecond(), subject.non2xx(),
                            anchor.non2xx());
                    continue;
                }
                double value = subject.requestsPerSecond() / anchor.requestsPerSecond();
                ratioValues.get(ratio).add(value);
                System.out.printf("BENCH round %d ratio %s = %.2f (%s)%n", round, ratio.name(), value, ratio.goal());
            }
        }
        System.out.printf("BENCH summary over %d rounds (median, lowest-highest), load average now %s%n", ROUNDS,
                uptime());
        for (Map.Entry<Url, List<Result>> entry : measured.entrySet()) {
            List<Double> rps = entry.getValue().stream().map(Result::requestsPerSecond).toList();
            List<Double> p50 = entry.getValue().stream().map(Result::p50Ms).toList();
            List<Double> p99 = entry.getValue().stream().map(Result::p99Ms).toList();
            System.out.printf("BENCH median %-50s %8.1f req/s (%.1f-%.1f)  p50 %7.1f ms  p99 %7.1f ms  %6d B%n",
                    entry.getKey().name(), median(rps), min(rps), max(rps), median(p50), median(p99),
                    entry.getValue().get(0).bytesPerRequest());
        }
        for (Map.Entry<Ratio, List<Double>> entry : ratioValues.entrySet()) {
            List<Double> values = entry.getValue();
            long met = entry.getKey().goal().startsWith("goal") ? values.stream()
                    .filter(v -> v >= Double.parseDouble(entry.getKey().goal().replace("goal >= ", ""))).count() : -1;
            if (values.isEmpty()) {
                System.out.printf("BENCH ratio %s: no round gave one%n", entry.getKey().name());
                continue;
            }
            System.out.printf("BENCH ratio %s: median %.2f (%.2f-%.2f) over %d of %d rounds (%s%s)%n",
                    entry.getKey().name(), median(values), min(values), max(values), values.size(), ROUNDS,
                    entry.getKey().goal(), met < 0 ? "" : "; met in " + met + " of " + values.size() + " rounds");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
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
