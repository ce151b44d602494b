package com.tttools.app.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tttools.app.platform.redis.RedisProperties;
import com.tttools.app.platform.redis.SharedRedis;
import com.tttools.app.support.ChildRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The login and sign-up limits with a shared Redis: two limiters ("nodes", each with its own connection) on one
 * real Redis draw from one bucket per key; with Redis stopped each falls back to its own bucket with a warning,
 * and shares again once Redis is back. Redis holds the keys only as hashes.
 */
class ClusterLoginLimitsIT {

    static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("login-ip", 3, Duration.ofMinutes(15));

    ChildRedis redis;
    SharedRedis connectionA;
    SharedRedis connectionB;
    RateLimiter nodeA;
    RateLimiter nodeB;

    @BeforeEach
    void twoNodesOnOneRedis() {
        redis = ChildRedis.start();
        // a generous timeout: on a loaded machine a first connect may take longer than the product's 500 ms, and
        // a node that is down is refused at once anyway (commands are not buffered while disconnected)
        RedisProperties properties = new RedisProperties(redis.url(), Duration.ofSeconds(5), "test:");
        connectionA = new SharedRedis(properties);
        connectionB = new SharedRedis(properties);
        nodeA = new RateLimiter(Clock.systemUTC(), 1000, connectionA);
        nodeB = new RateLimiter(Clock.systemUTC(), 1000, connectionB);
    }

    @AfterEach
    void stop() {
        connectionA.close();
        connectionB.close();
        redis.close();
    }

    @Test
    void twoNodesShareOneBudgetPerKey() {
        for (int i = 0; i < 3; i++) {
            assertThat(nodeA.consume(LIMIT, "203.0.113.9").allowed()).as("attempt " + (i + 1) + " on A").isTrue();
        }
        assertThat(nodeB.check(LIMIT, "203.0.113.9").allowed()).as("B sees A's attempts").isFalse();
        RateLimiter.Decision refused = nodeB.consume(LIMIT, "203.0.113.9");
        assertThat(refused.allowed()).as("the fourth attempt, on B").isFalse();
        assertThat(refused.retryAfter()).isPositive();
        assertThat(nodeB.consume(LIMIT, "203.0.113.10").allowed()).as("another address").isTrue();

        nodeB.refund(LIMIT, "203.0.113.9");
        assertThat(nodeA.consume(LIMIT, "203.0.113.9").allowed()).as("B's refund is A's token").isTrue();
        nodeA.reset(LIMIT, "203.0.113.9");
        assertThat(nodeB.check(LIMIT, "203.0.113.9").remaining()).as("A's reset, seen on B").isEqualTo(3);

        Map<String, String> stored = redis.scanAll();
        assertThat(stored.keySet()).as("the buckets are in Redis").anyMatch(k -> k.startsWith("test:abuse:login-ip:"));
        assertThat(String.join(" ", stored.keySet()) + String.join(" ", stored.values()))
                .as("no address in plain text").doesNotContain("203.0.113");
    }

    @Test
    void withRedisDownEachNodeDecidesOnItsOwnBucketWithAWarningAndSharesAgainWhenItIsBack() {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(RemoteBuckets.class);
        warnings.start();
        logger.addAppender(warnings);
        try {
            assertThat(nodeA.consume(LIMIT, "198.51.100.1").allowed()).isTrue();
            assertThat(redis.scanAll()).as("that attempt counted in Redis").isNotEmpty();
            redis.shutdown();

            for (int i = 0; i < 3; i++) {
                assertThat(nodeA.consume(LIMIT, "198.51.100.1").allowed()).as("A alone, attempt " + (i + 1)).isTrue();
            }
            assertThat(nodeA.consume(LIMIT, "198.51.100.1").allowed()).as("A's own bucket still limits").isFalse();
            assertThat(nodeB.consume(LIMIT, "198.51.100.1").allowed()).as("B's own bucket is its own").isTrue();
            assertThat(warnings.list).as("a warning that the limits hold per node")
                    .anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                            && e.getFormattedMessage().contains("per node"));

            redis.startAgain();
            // Lettuce reconnects on its own (within seconds); the shared bucket is new, so it starts full
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> connectionA.ping() && connectionB.ping());
            for (int i = 0; i < 3; i++) {
                assertThat(nodeA.consume(LIMIT, "198.51.100.2").allowed()).isTrue();
            }
            assertThat(nodeB.consume(LIMIT, "198.51.100.2").allowed()).as("shared again").isFalse();
        } finally {
            logger.detachAppender(warnings);
        }
    }
}
