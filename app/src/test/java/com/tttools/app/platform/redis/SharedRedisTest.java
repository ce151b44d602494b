package com.tttools.app.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the first connect is tried and retried, on a clock that reads negative ({@link System#nanoTime()} may: its
 * origin is arbitrary). The "Redis" accepts connections and never answers, so each connect attempt shows as one
 * accepted socket and fails after the timeout.
 */
class SharedRedisTest {

    ServerSocket silentRedis;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        silentRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silentRedis.isClosed()) {
                try {
                    accepted.add(silentRedis.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-redis");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silentRedis.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void aNegativeClockStillTriesTheFirstConnectAtOnceThenBacksOff() {
        AtomicLong clock = new AtomicLong(Long.MIN_VALUE / 2);
        try (SharedRedis redis = new SharedRedis(new RedisProperties(
                "redis://127.0.0.1:" + silentRedis.getLocalPort(), Duration.ofMillis(300), null), clock::get)) {

            assertThat(redis.connection()).as("Redis never answers").isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.size() == 1);

            clock.addAndGet(SharedRedis.CONNECT_BACKOFF.toNanos() - 1);
            assertThat(redis.connection()).isEmpty();
            assertThat(accepted).as("no second attempt within the back-off").hasSize(1);

            clock.addAndGet(1);
            assertThat(redis.connection()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> accepted.size() == 2);
        }
    }
}
