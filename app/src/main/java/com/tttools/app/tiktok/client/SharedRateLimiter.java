package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.CallPriority;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces calls below TikTok's limits so the client meets them instead of hitting them: one bucket per app
 * ({@code appQps}) and one per advertiser x path ({@code advertiserPathQps}), refilled greedily (one token every
 * 1/qps s). Callers block until their tokens are there.
 * <p>
 * Priority: a background call takes an app token only while more than {@code backgroundReserve} tokens remain,
 * so interactive calls find tokens waiting even while a sync saturates the app quota. It is checked atomically by
 * taking reserve + 1 tokens and giving the reserve back.
 * <p>
 * When the shared store (Redis) fails, the call proceeds on a node-local bucket rather than failing: TikTok's own
 * limit still protects the API, and the client's retry handles its rate-limit answers.
 */
final class SharedRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimiter.class);
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final BucketSource shared;
    private final BucketSource local = new LocalBucketSource();
    private final int appQps;
    private final int advertiserPathQps;
    private final int backgroundReserve;
    private final AtomicLong lastStoreWarning = new AtomicLong();
    private final TikTokMetrics metrics;

    SharedRateLimiter(BucketSource shared, int appQps, int advertiserPathQps, int backgroundReserve) {
        this(shared, appQps, advertiserPathQps, backgroundReserve, TikTokMetrics.NONE);
    }

    SharedRateLimiter(BucketSource shared, int appQps, int advertiserPathQps, int backgroundReserve,
                      TikTokMetrics metrics) {
        this.shared = shared;
        this.metrics = metrics;
        this.appQps = appQps;
        this.advertiserPathQps = advertiserPathQps;
        this.backgroundReserve = Math.min(backgroundReserve, appQps - 1);
    }

    /** Blocks until this call may go out; the advertiser x path bucket first, so an app token is not held idle. */
    void acquire(String appId, String advertiserId, String path, CallPriority priority) throws InterruptedException {
        if (advertiserId != null) {
            take(pathKey(advertiserId, path), advertiserPathQps, 0);
        }
        take(appKey(appId), appQps, priority == CallPriority.BACKGROUND ? backgroundReserve : 0);
    }

    /** TikTok said "too many requests" anyway (another client on the app, clock skew): empty the bucket. */
    void throttled(String appId, String advertiserId, String path, int code) {
        String key = code == 40133 && advertiserId != null ? pathKey(advertiserId, path) : appKey(appId);
        int qps = key.startsWith("app:") ? appQps : advertiserPathQps;
        try {
            bucket(key, qps, shared).tryConsumeAsMuchAsPossible();
        } catch (RuntimeException e) {
            bucket(key, qps, local).tryConsumeAsMuchAsPossible();
        }
    }

    private void take(String key, int qps, int reserve) throws InterruptedException {
        long waitingSince = 0;
        while (true) {
            long waitNanos = tryTake(key, qps, reserve);
            if (waitNanos == 0) {
                if (waitingSince != 0) {
                    metrics.waited(key.startsWith("app:") ? "app" : "advertiser_path", System.nanoTime() - waitingSince);
                }
                return;
            }
            if (waitingSince == 0) {
                waitingSince = System.nanoTime();
            }
            LockSupport.parkNanos(Math.max(waitNanos, MIN_PARK_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a TikTok rate-limit token");
            }
        }
    }

    /** 0 when taken, else how long to wait before trying again. */
    long tryTake(String key, int qps, int reserve) {
        Bucket bucket;
        try {
            bucket = bucket(key, qps, shared);
            return tryTake(bucket, reserve);
        } catch (RuntimeException e) {
            metrics.storeFailed();
            warnAtMostOncePerMinute(e);
            return tryTake(bucket(key, qps, local), reserve);
        }
    }

    private void warnAtMostOncePerMinute(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastStoreWarning.get();
        if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && lastStoreWarning.compareAndSet(last, now)) {
            log.warn("Shared TikTok rate-limit store failed ({}); pacing on this node only",
                    e.getClass().getSimpleName());
        }
    }

    private static long tryTake(Bucket bucket, int reserve) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1L + reserve);
        if (probe.isConsumed()) {
            if (reserve > 0) {
                bucket.addTokens(reserve);
            }
            return 0;
        }
        return probe.getNanosToWaitForRefill();
    }

    private static Bucket bucket(String key, int qps, BucketSource source) {
        return source.bucket(key, configuration(qps));
    }

    static BucketConfiguration configuration(int qps) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(qps).refillGreedy(qps, Duration.ofSeconds(1)).build())
                .build();
    }

    private static String appKey(String appId) {
        return "app:" + appId;
    }

    private static String pathKey(String advertiserId, String path) {
        return "adv:" + advertiserId + ":" + path;
    }
}
