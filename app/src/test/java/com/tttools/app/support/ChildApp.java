package com.tttools.app.support;

import static org.awaitility.Awaitility.await;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.platform.database.DatabaseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The app as a child JVM, for crash-safety tests: each child runs on a free port against one fresh database of the
 * test's PostgreSQL server and the parent test's embedded TikTok simulator, so a test can kill it with SIGKILL
 * mid-work and start another on the same database. Close it in {@code @AfterEach}: every child still running is
 * killed. Each child's output goes to {@code child-<name>.log} in the data folder (shown when a child dies early).
 */
public final class ChildApp implements AutoCloseable {

    /** One running child: its port, process and output (stdout and stderr). */
    public record Child(int port, Process process, Path log) {

        /** SIGKILL, no shutdown hooks: what a crash looks like; returns once the process is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    private final String jdbcUrl;
    private final Path dataDir;
    private final String simulatorBase;
    private final List<Process> processes = new ArrayList<>();

    private ChildApp(String jdbcUrl, Path dataDir, String simulatorBase) {
        this.jdbcUrl = jdbcUrl;
        this.dataDir = dataDir;
        this.simulatorBase = simulatorBase;
    }

    /**
     * A fresh database on the test's server for the children, their data folder, and the parent's simulator base
     * URL (e.g. {@code url("/tiktok-sim")}).
     */
    public static ChildApp withFreshDatabase(DatabaseServer database, Path dataDir, String simulatorBase) {
        return new ChildApp(TestDatabase.createOn(database.target(), "tttools_child_"), dataDir, simulatorBase);
    }

    /** The children's database, to read what they wrote. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Starts a child and waits (up to {@code readiness}) until its readiness probe answers 200; {@code arguments}
     * ({@code --name=value}) add settings of the test's own or replace the defaults of the same name.
     */
    public Child start(String name, Duration readiness, String... arguments) throws IOException {
        return awaitReady(launch(name, arguments), readiness);
    }

    /**
     * Starts a child without waiting for it (start several at once, then {@link #awaitReady} each). Each
     * {@code --name=value} of {@code settings} adds a setting or replaces the default one of that name.
     */
    public Child launch(String name, String... settings) throws IOException {
        int port = freePort();
        Map<String, String> options = new LinkedHashMap<>();
        options.put("server.port", String.valueOf(port));
        options.put("tttools.base-url", "http://localhost:" + port);
        options.put("tttools.database.url", jdbcUrl);
        options.put("TTTOOLS_DATA_DIR", dataDir.toString());
        options.put("tttools.tiktok.app-id", "7000000000000000001");
        options.put("tttools.tiktok.app-secret", "simulator-secret");
        options.put("tttools.tiktok.api-base-url", simulatorBase);
        options.put("tttools.tiktok.auth-url", simulatorBase + "/portal/auth");
        options.put("tttools.reporting.sync-on-connect", "false");
        // quick polling and a short heartbeat so the second child takes over the killed one's job soon
        options.put("tttools.scheduler.polling-interval", "200ms");
        options.put("tttools.scheduler.heartbeat-interval", "1s");
        options.put("tttools.scheduler.missed-heartbeats-limit", "4");
        options.put("tttools.jobs.first-retry-delay", "200ms");
        options.put("logging.level.root", "WARN");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (!setting.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not a --name=value setting: " + setting);
            }
            options.put(setting.substring(2, equals), setting.substring(equals + 1));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: a child starts on about half the CPU time, which counts on a shared
        // 2-core machine; children run light work, so the slower peak speed does not matter
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TttoolsApplication.class.getName()));
        options.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dataDir.resolve("child-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return new Child(port, process, log);
    }

    /** Waits (up to {@code readiness}) until the child's readiness probe answers 200; fails when it stopped. */
    public Child awaitReady(Child child, Duration readiness) {
        try {
            await().atMost(readiness).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("The child app stopped: " + Files.readString(child.log()));
                }
                try {
                    return Http.get("http://localhost:" + child.port() + "/actuator/health/readiness").statusCode() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The child app on port " + child.port() + " was not ready within "
                    + readiness + "; its output so far:\n" + tail(child.log()), e);
        }
        return child;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A port nothing listens on right now (for a child, a container, or an address that must not answer). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
