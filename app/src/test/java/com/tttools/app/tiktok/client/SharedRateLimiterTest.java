package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.tiktok.CallPriority;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Priorities and keys of the limiter, on a manual clock (no waiting). */
class SharedRateLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    final BucketSource manualClock = (key, configuration) -> buckets.computeIfAbsent(key, k -> Bucket.builder()
            .addLimit(configuration.getBandwidths()[0])
            .withCustomTimePrecision(new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            })
            .build());

    @Test
    void backgroundCallsLeaveTheReserveToInteractiveOnes() throws Exception {
        SharedRateLimiter limiter = new SharedRateLimiter(manualClock, 10, 20, 3);

        for (int i = 0; i < 7; i++) {
            limiter.acquire("app", null, "campaign/get/", CallPriority.BACKGROUND);
        }
        assertThat(available("app:app")).isEqualTo(3);
        assertThat(wouldWait(limiter, CallPriority.BACKGROUND)).isTrue();
        for (int i = 0; i < 3; i++) {
            limiter.acquire("app", null, "campaign/get/", CallPriority.INTERACTIVE);
        }
        assertThat(available("app:app")).isZero();
    }

    @Test
    void advertiserPathBucketsAreSeparatePerAdvertiserAndPath() throws Exception {
        SharedRateLimiter limiter = new SharedRateLimiter(manualClock, 100, 2, 0);

        limiter.acquire("app", "a1", "campaign/get/", CallPriority.INTERACTIVE);
        limiter.acquire("app", "a1", "campaign/get/", CallPriority.INTERACTIVE);
        limiter.acquire("app", "a1", "ad/get/", CallPriority.INTERACTIVE);
        limiter.acquire("app", "a2", "campaign/get/", CallPriority.INTERACTIVE);

        assertThat(available("adv:a1:campaign/get/")).isZero();
        assertThat(available("adv:a1:ad/get/")).isEqualTo(1);
        assertThat(available("app:app")).isEqualTo(96);
    }

    @Test
    void aRateLimitAnswerEmptiesTheMatchingBucket() throws Exception {
        SharedRateLimiter limiter = new SharedRateLimiter(manualClock, 10, 20, 0);
        limiter.acquire("app", "a1", "report/integrated/get/", CallPriority.INTERACTIVE);

        limiter.throttled("app", "a1", "report/integrated/get/", 40133);
        assertThat(available("adv:a1:report/integrated/get/")).isZero();
        assertThat(available("app:app")).isEqualTo(9);

        limiter.throttled("app", "a1", "report/integrated/get/", 40100);
        assertThat(available("app:app")).isZero();
    }

    /** The limiter paces at the limit, not below it: measured on the manual clock, so machine speed plays no part. */
    @Test
    void threeHundredCallsAtTenQpsNeedTwentyNineSecondsOfPacingNoMore() {
        SharedRateLimiter limiter = new SharedRateLimiter(manualClock, 10, 1_000, 3);

        for (int call = 0; call < 300; call++) {
            int reserve = call % 3 == 0 ? 0 : 3;
            long waitNanos;
            while ((waitNanos = limiter.tryTake("app:app", 10, reserve)) > 0) {
                nanos.addAndGet(waitNanos);
            }
        }

        // 10 tokens at the start, then one every 100 ms: call 300 goes at 29 s (a background call may find the
        // reserve of 3 still refilling, hence the small allowance, well under one more second).
        assertThat(nanos.get()).isBetween(java.util.concurrent.TimeUnit.SECONDS.toNanos(29),
                java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(29_400));
    }

    private long available(String key) {
        return buckets.get(key).getAvailableTokens();
    }

    private boolean wouldWait(SharedRateLimiter limiter, CallPriority priority) {
        int reserve = priority == CallPriority.BACKGROUND ? 3 : 0;
        return limiter.tryTake("app:app", 10, reserve) > 0;
    }
}
