package com.tttools.app.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.ratelimit.RateLimiter.Limit;
import com.tttools.app.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The abuse limiter on a manual clock: decisions, refunds, expiry, and its bound under a flood of unique keys. */
class RateLimiterTest {

    static final Limit RESETS = new Limit("test-reset", 5, Duration.ofHours(1));
    static final Limit LOGINS = new Limit("test-login", 10, Duration.ofMinutes(15));

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T10:00:00Z"));
    final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void anEmptyBucketRefusesUntilTheClockRefillsIt() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.consume(LOGINS, "a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.consume(LOGINS, "a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(limiter.consume(LOGINS, "b").allowed()).isTrue();

        clock.advance(Duration.ofSeconds(89));
        assertThat(limiter.check(LOGINS, "a").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.consume(LOGINS, "a").allowed()).isTrue();
        assertThat(limiter.consume(LOGINS, "a").allowed()).isFalse();
    }

    @Test
    void aRefundGivesBackOneTokenAndNeverMoreThanTheCapacity() {
        for (int i = 0; i < 10; i++) {
            limiter.consume(LOGINS, "a");
        }
        limiter.refund(LOGINS, "a");
        assertThat(limiter.consume(LOGINS, "a").allowed()).isTrue();
        assertThat(limiter.consume(LOGINS, "a").allowed()).isFalse();

        limiter.refund(LOGINS, "fresh");
        limiter.refund(LOGINS, "fresh");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.consume(LOGINS, "fresh").allowed()).isTrue();
        }
        assertThat(limiter.consume(LOGINS, "fresh").allowed()).isFalse();
    }

    @Test
    void aBucketIdleForItsPeriodIsDropped() {
        for (int i = 0; i < 1_000; i++) {
            limiter.consume(RESETS, "user" + i + "@example.com");
        }
        assertThat(limiter.trackedKeys(RESETS)).isEqualTo(1_000);
        clock.advance(Duration.ofMinutes(59));
        limiter.consume(RESETS, "user0@example.com");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(limiter.trackedKeys(RESETS)).isEqualTo(1);
    }

    /**
     * 200,000 password resets for unique emails (the reported flood): the limit holds at most its bound, the
     * last 10,000 calls cost about what the first 10,000 did (no scan of the map per call; medians and a
     * generous factor absorb JIT, GC and a loaded machine), and another limit's exhausted bucket is still there afterwards.
     */
    @Test
    void aFloodOfUniqueKeysStaysBoundedAndCostsTheSamePerCall() {
        for (int i = 0; i < 10; i++) {
            limiter.consume(LOGINS, "victim@example.com");
        }
        warmUp();

        long[] windows = new long[20];
        for (int window = 0; window < 20; window++) {
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                limiter.consume(RESETS, "flood-" + window + "-" + i + "@example.com");
            }
            windows[window] = System.nanoTime() - start;
        }

        assertThat(limiter.trackedKeys(RESETS)).isLessThanOrEqualTo(RateLimiter.MAX_KEYS_PER_LIMIT);
        // medians of five windows each, against a bound far below what a scan would cost (the map holds up to
        // 100,000 keys: a scan per call would make the last windows some hundred times the first); eviction makes
        // the last windows dearer than the first (a single pair of windows measured 6.8 x on a loaded machine)
        double ratio = (double) median(Arrays.copyOfRange(windows, 15, 20)) / median(Arrays.copyOfRange(windows, 0, 5));
        assertThat(ratio).as("cost of the last 10k calls / first 10k calls, medians of five").isLessThan(20.0);
        assertThat(limiter.consume(LOGINS, "victim@example.com").allowed()).isFalse();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private void warmUp() {
        RateLimiter other = new RateLimiter(clock);
        for (int i = 0; i < 20_000; i++) {
            other.consume(RESETS, "warm-" + i);
        }
    }
}
