package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.support.ChildRedis;
import com.tttools.app.tiktok.CallPriority;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two "nodes" (two limiters with their own Redis connections) share one app bucket through Redis; with Redis
 * gone, a node keeps pacing on its local bucket within the Redis timeout. Needs {@code redis-server} on PATH: without
 * it the tests are skipped with the reason, or fail where Redis is required ({@code CI=true} or
 * {@code TTTOOLS_REQUIRE_REDIS=1}, as in .ci/run), so CI cannot skip them silently.
 */
class RedisRateLimiterIT {

    Process redis;
    int port;

    @BeforeEach
    void startRedis() throws IOException {
        ChildRedis.requireRedisServer("RedisRateLimiterIT");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "", "--appendonly", "no",
                "--bind", "127.0.0.1").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).until(this::redisListens);
    }

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void nodesShareTheAppBucketThroughRedis() throws Exception {
        try (RedisBucketSource nodeA = source(); RedisBucketSource nodeB = source()) {
            SharedRateLimiter limiterA = new SharedRateLimiter(nodeA, 5, 20, 0);
            SharedRateLimiter limiterB = new SharedRateLimiter(nodeB, 5, 20, 0);

            for (int i = 0; i < 5; i++) {
                limiterA.acquire("shared-app", null, "campaign/get/", CallPriority.INTERACTIVE);
            }

            assertThat(limiterB.tryTake("app:shared-app", 5, 0)).as("node B must wait for node A's tokens").isPositive();
            assertThat(limiterB.tryTake("app:other-app", 5, 0)).isZero();
        }
    }

    @Test
    void withRedisGoneANodeFallsBackToItsLocalBucketQuickly() throws Exception {
        // A long Redis timeout, so that "did not wait for Redis" is a wide margin, not a race with machine speed.
        Duration redisTimeout = Duration.ofSeconds(20);
        try (RedisBucketSource node = new RedisBucketSource("redis://127.0.0.1:" + port, redisTimeout)) {
            SharedRateLimiter limiter = new SharedRateLimiter(node, 5, 20, 0);
            limiter.acquire("app", null, "campaign/get/", CallPriority.INTERACTIVE);
            redis.destroyForcibly().waitFor();

            long started = System.nanoTime();
            limiter.acquire("app", null, "campaign/get/", CallPriority.INTERACTIVE);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fell back without waiting out the Redis timeout")
                    .isLessThan(redisTimeout);
        }
    }

    private RedisBucketSource source() {
        return new RedisBucketSource("redis://127.0.0.1:" + port, Duration.ofSeconds(2));
    }

    private boolean redisListens() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
