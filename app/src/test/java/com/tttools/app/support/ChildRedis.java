package com.tttools.app.support;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} as a child process on a free loopback port, for tests of the Redis paths: stopped
 * the way an outage looks ({@code SHUTDOWN NOSAVE}) and started again on the same port. Needs redis-server on
 * PATH: without it the test is skipped with the reason, or fails where Redis is required ({@code CI=true} or
 * {@code TTTOOLS_REQUIRE_REDIS=1}, as in .ci/run).
 */
public final class ChildRedis implements AutoCloseable {

    private final int port;
    private Process process;

    private ChildRedis(int port) {
        this.port = port;
    }

    public static ChildRedis start() {
        requireRedisServer("this test");
        try (ServerSocket free = new ServerSocket(0)) {
            ChildRedis redis = new ChildRedis(free.getLocalPort());
            free.close();
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server on this port (again, after {@link #shutdown}), empty, and waits until it listens. */
    public void startAgain() {
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "", "--appendonly",
                    "no", "--bind", "127.0.0.1").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(10)).until(this::listens);
    }

    /** Starts it again unless it runs (after a test that stopped it failed before {@link #startAgain}). */
    public void ensureRunning() {
        if (process == null || !process.isAlive()) {
            startAgain();
        }
    }

    /** {@code SHUTDOWN NOSAVE}, as an operator or a crash would stop it; returns once the process is gone. */
    public void shutdown() {
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
            out.write("*2\r\n$8\r\nSHUTDOWN\r\n$6\r\nNOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every key and its value as Redis holds them ({@code SCAN}, then {@code DUMP}: the serialized value of any
     * type), as text, so a test can search them for what must not be there.
     */
    public Map<String, String> scanAll() {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> redis = connection.sync();
            Map<String, String> all = new LinkedHashMap<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<byte[]> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
                for (byte[] key : page.getKeys()) {
                    byte[] value = redis.dump(key);
                    all.put(new String(key, StandardCharsets.UTF_8),
                            value == null ? "" : new String(value, StandardCharsets.ISO_8859_1));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return all;
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private boolean listens() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Aborts the test (with why) where redis-server is not installed; fails it instead under CI=true or
     * TTTOOLS_REQUIRE_REDIS=1, so that CI never skips a Redis test silently.
     */
    public static void requireRedisServer(String who) {
        if (new File("/usr/bin/redis-server").canExecute() || onPath("redis-server")) {
            return;
        }
        String message = who + " needs redis-server on PATH: apt-get install redis-server";
        if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("TTTOOLS_REQUIRE_REDIS"))) {
            throw new IllegalStateException(message + " — required because CI=true or TTTOOLS_REQUIRE_REDIS=1");
        }
        Assumptions.abort(message);
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, binary).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
