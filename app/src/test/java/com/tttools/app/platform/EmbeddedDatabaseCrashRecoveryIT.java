package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.database.DatabaseProperties;
import com.tttools.app.platform.database.DatabaseServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart comes back after a JVM crash: the embedded PostgreSQL that the dead JVM left running (zonky's
 * postmaster is detached and survives {@code kill -9} of the java process) is stopped on the next start instead
 * of blocking it, and a stale {@code postmaster.pid} never blocks the start.
 */
class EmbeddedDatabaseCrashRecoveryIT {

    @TempDir
    Path folder;

    private final List<Process> children = new ArrayList<>();
    private final List<Long> postmasters = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        for (long pid : postmasters) {
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent() && postmaster.get().isAlive()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void startsAgainOnTheSameDataAfterTheJvmWasKilledWhilePostgresKeptRunning() throws Exception {
        Path dataDir = folder.resolve("pg");
        Process child = startChildJvm(dataDir);
        long postmasterPid = pidIn(dataDir);
        postmasters.add(postmasterPid);

        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive))
                .as("the orphaned postmaster outlives the killed JVM").contains(true);

        try (DatabaseServer again = DatabaseServer.start(settings(dataDir));
             Connection c = connect(again); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the crash");
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            postmasters.add(pidIn(dataDir));
        }
    }

    @Test
    void aStalePidFileNeverBlocksTheStart() throws Exception {
        Path dataDir = folder.resolve("pg");
        try (DatabaseServer first = DatabaseServer.start(settings(dataDir));
             Connection c = connect(first); Statement s = c.createStatement()) {
            postmasters.add(pidIn(dataDir));
            s.execute("create table kept(v text)");
            s.execute("insert into kept values ('still here')");
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        children.add(unrelated);

        for (long stalePid : List.of(gone.pid(), unrelated.pid())) {
            Files.writeString(dataDir.resolve("postmaster.pid"), stalePid + "\n" + dataDir + "\n", StandardCharsets.UTF_8);
            try (DatabaseServer again = DatabaseServer.start(settings(dataDir));
                 Connection c = connect(again); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select v from kept")) {
                postmasters.add(pidIn(dataDir));
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
        assertThat(unrelated.isAlive()).as("another program's PID is never signalled").isTrue();
    }

    @Test
    void aServerWhoseAppIsStillRunningIsNeverStopped() throws Exception {
        Path dataDir = folder.resolve("pg");
        Process child = startChildJvm(dataDir);
        long postmasterPid = pidIn(dataDir);
        postmasters.add(postmasterPid);

        assertThatThrownBy(() -> DatabaseServer.start(settings(dataDir))).hasStackTraceContaining("could not lock");
        assertThat(child.isAlive()).isTrue();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(pidIn(dataDir)).isEqualTo(postmasterPid);
    }

    /** A JVM that started the embedded server on {@code dataDir} (and wrote a row) and now just waits. */
    private Process startChildJvm(Path dataDir) throws Exception {
        Path output = folder.resolve("child-" + children.size() + ".log");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        children.add(child);
        Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> !child.isAlive() || Files.readString(output).contains("READY"));
        assertThat(Files.readString(output)).as("child JVM output").contains("READY");
        return child;
    }

    private static DatabaseProperties settings(Path dataDir) {
        return new DatabaseProperties(null, 2, null, com.tttools.app.platform.database.TransactionPooler.Mode.AUTO, new DatabaseProperties.Embedded(dataDir, 0, false));
    }

    private static long pidIn(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Connection connect(DatabaseServer server) throws Exception {
        return DriverManager.getConnection(server.target().jdbcUrl(), server.target().username(), server.target().password());
    }
}
