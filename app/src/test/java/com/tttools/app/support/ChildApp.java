package com.tttools.app.support;

import static org.awaitility.Awaitility.await;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.platform.database.DatabaseServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The app as a child JVM, for crash-safety tests: each child runs on a free port against one fresh database of the
 * test's PostgreSQL server and the parent test's embedded TikTok simulator, so a test can kill it with SIGKILL
 * mid-work and start another on the same database. Close it in {@code @AfterEach}: every child still running is
 * killed. Each child's output goes to {@code child-<name>.log} in the data folder (shown when a child dies early).
 */
public final class ChildApp implements AutoCloseable {

    /** One running child: its port and process. */
    public record Child(int port, Process process) {

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
     * add settings of the test's own (e.g. {@code --tttools.mail.resend-api-url=...}), none of those set here.
     */
    public Child start(String name, Duration readiness, String... arguments) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TttoolsApplication.class.getName(),
                "--server.port=" + port,
                "--tttools.base-url=http://localhost:" + port,
                "--tttools.database.url=" + jdbcUrl,
                "--TTTOOLS_DATA_DIR=" + dataDir,
                "--tttools.tiktok.app-id=7000000000000000001",
                "--tttools.tiktok.app-secret=simulator-secret",
                "--tttools.tiktok.api-base-url=" + simulatorBase,
                "--tttools.tiktok.auth-url=" + simulatorBase + "/portal/auth",
                "--tttools.reporting.sync-on-connect=false",
                // quick polling and a short heartbeat so the second child takes over the killed one's job soon
                "--tttools.scheduler.polling-interval=200ms",
                "--tttools.scheduler.heartbeat-interval=1s",
                "--tttools.scheduler.missed-heartbeats-limit=4",
                "--tttools.jobs.first-retry-delay=200ms",
                "--logging.level.root=WARN"));
        command.addAll(List.of(arguments));
        File log = dataDir.resolve("child-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(process);
        await().atMost(readiness).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child app stopped: " + Files.readString(log.toPath()));
            }
            try {
                return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return new Child(port, process);
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
