package com.tttools.app.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left behind by an earlier run of the app on the same data directory. zonky starts the
 * postmaster through {@code pg_ctl}, which detaches it: when the JVM dies without closing it ({@code kill -9},
 * OOM killer, power button of the container runtime) the postmaster is re-parented to PID 1 and keeps the data
 * directory locked, and every later start would give up waiting for its own server. Before starting, the app
 * reads {@code postmaster.pid} (first line: the PID), and if that process is alive and is a PostgreSQL server it
 * asks it to shut down (SIGTERM: "smart" shutdown, which ends at once since the dead JVM's sessions are gone) and
 * waits for it to exit. A pid file whose process is gone, or whose PID now belongs to another program, is stale:
 * it is removed and never blocks the start. While another live JVM holds zonky's lock on the folder
 * ({@code epg-lock}) nothing is touched: that server belongs to a running app.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        if (heldByALiveApp(dataDir)) {
            // zonky's lock file is locked while an app runs on this folder: its server is no orphan, and zonky
            // itself refuses the start ("could not lock").
            return;
        }
        OptionalLong pid = pidIn(pidFile);
        Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            log.info("Removing the stale postmaster.pid in {} (its process is gone)", dataDir);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        Optional<String> command = postmaster.info().command();
        if (command.isEmpty()) {
            // Not ours to inspect (another user's process): not ours to stop either; PostgreSQL decides.
            log.info("postmaster.pid in {} names PID {}, which this user cannot inspect; leaving it to PostgreSQL",
                    dataDir, postmaster.pid());
            return;
        }
        if (!Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            log.info("Removing the stale postmaster.pid in {} (PID {} is now another program)", dataDir, postmaster.pid());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An embedded PostgreSQL (PID {}) left by an earlier run still holds {}; stopping it before start",
                postmaster.pid(), dataDir);
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL left by an earlier run (PID " + postmaster.pid()
                    + ") did not stop within " + STOP_WAIT.toSeconds() + " s; stop it and start again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the earlier embedded PostgreSQL to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the earlier embedded PostgreSQL", e);
        }
        log.info("The earlier embedded PostgreSQL (PID {}) has stopped", postmaster.pid());
    }

    /** zonky holds an OS file lock on {@code epg-lock} for as long as its JVM lives. */
    private static boolean heldByALiveApp(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static OptionalLong pidIn(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
