package com.tttools.app.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import com.tttools.app.platform.redis.SharedRedis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Named token buckets (Bucket4j) for abuse limits: failed logins per account and per IP, sign-ups per IP,
 * password resets per email. With a shared Redis ({@code REDIS_URL}) the buckets live there (Bucket4j's
 * compare-and-swap on Lettuce), so a limit holds for the cluster, not per node; when Redis does not answer, the
 * decision falls back to this node's bucket (a warning, at most once a minute), the same as without Redis. Keys
 * are stored in Redis as SHA-256 hashes, never as the e-mail address or IP address they stand for.
 * <p>
 * Each limit keeps its buckets in its own bounded Caffeine cache: a bucket untouched for the limit's period
 * has refilled completely, so it expires then (dropping a full bucket changes no decision); beyond
 * {@link #MAX_KEYS_PER_LIMIT} keys the least valuable entries (W-TinyLFU: one-off keys before keys in active
 * use) are evicted. Every call is O(1) amortized; a flood of unique keys on one limit (e.g. password resets
 * for random emails) can neither grow memory without bound nor push out another limit's buckets. Time comes
 * from the injected {@link Clock}, for the buckets and the expiry alike.
 */
@Component
public class RateLimiter {

    /** Keys kept per limit (a few hundred bytes each; idle keys expire after the limit's period anyway). */
    public static final long MAX_KEYS_PER_LIMIT = 100_000;

    public record Limit(String name, long capacity, Duration period) {

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }
    }

    /** The answer; {@code remaining} is how many tokens the bucket holds after this call. */
    public record Decision(boolean allowed, Duration retryAfter, long remaining) {

        public Decision(boolean allowed, Duration retryAfter) {
            this(allowed, retryAfter, 0);
        }

        static Decision allowed(long remaining) {
            return new Decision(true, Duration.ZERO, remaining);
        }
    }

    private final TimeMeter timeMeter;
    private final Ticker ticker;
    private final long maxKeysPerLimit;
    /** One cache per limit name: a handful of constants, so this map stays tiny. */
    private final ConcurrentMap<String, Cache<String, Bucket>> limits = new ConcurrentHashMap<>();
    /** The cluster's buckets when a shared Redis is configured, else null. */
    private final RemoteBuckets remote;

    @Autowired
    public RateLimiter(Clock clock, ObjectProvider<SharedRedis> redis) {
        this(clock, MAX_KEYS_PER_LIMIT, redis.getIfAvailable());
    }

    public RateLimiter(Clock clock) {
        this(clock, MAX_KEYS_PER_LIMIT);
    }

    public RateLimiter(Clock clock, long maxKeysPerLimit) {
        this(clock, maxKeysPerLimit, null);
    }

    /** A limiter whose buckets live in {@code redis} (null: on this node only). */
    public RateLimiter(Clock clock, long maxKeysPerLimit, SharedRedis redis) {
        if (maxKeysPerLimit < 1) {
            throw new IllegalArgumentException("maxKeysPerLimit must be positive");
        }
        this.timeMeter = new ClockTimeMeter(clock);
        this.ticker = timeMeter::currentTimeNanos;
        this.maxKeysPerLimit = maxKeysPerLimit;
        this.remote = redis == null ? null : new RemoteBuckets(redis, timeMeter);
    }

    /** Takes one token; refused with the wait until the next one when the bucket is empty. */
    public Decision consume(Limit limit, String key) {
        ConsumptionProbe probe = onCluster(limit, key, b -> b.tryConsumeAndReturnRemaining(1),
                () -> bucket(limit, key).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Decision.allowed(probe.getRemainingTokens())
                : new Decision(false, roundUp(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Whether a token is there, without taking it (a later {@link #consume} may still be refused). */
    public Decision check(Limit limit, String key) {
        EstimationProbe probe = onCluster(limit, key, b -> b.estimateAbilityToConsume(1),
                () -> bucket(limit, key).estimateAbilityToConsume(1));
        return probe.canBeConsumed() ? Decision.allowed(probe.getRemainingTokens())
                : new Decision(false, roundUp(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Gives back a token taken by {@link #consume} for an attempt that turned out not to count (never above capacity). */
    public void refund(Limit limit, String key) {
        if (remote != null && remote.run(limit, key, b -> {
            b.addTokens(1);
            return Boolean.TRUE;
        }) != null) {
            return;
        }
        Bucket bucket = cache(limit).getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Forgets a key's history (e.g. an account's failures after a successful login). */
    public void reset(Limit limit, String key) {
        if (remote != null) {
            remote.remove(limit, key);
        }
        cache(limit).invalidate(key);
    }

    /** How many keys the limit holds now (after pending maintenance), for tests and metrics. */
    long trackedKeys(Limit limit) {
        Cache<String, Bucket> cache = cache(limit);
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** The decision on the cluster's bucket, or on this node's when there is no Redis or it failed. */
    private <T> T onCluster(Limit limit, String key, java.util.function.Function<Bucket, T> decide,
            java.util.function.Supplier<T> local) {
        T answer = remote == null ? null : remote.run(limit, key, decide);
        return answer != null ? answer : local.get();
    }

    private Bucket bucket(Limit limit, String key) {
        return cache(limit).get(key, k -> Bucket.builder().addLimit(limit.bandwidth())
                .withCustomTimePrecision(timeMeter).build());
    }

    private Cache<String, Bucket> cache(Limit limit) {
        return limits.computeIfAbsent(limit.name(), name -> Caffeine.newBuilder()
                .maximumSize(maxKeysPerLimit)
                .expireAfterAccess(limit.period())
                .ticker(ticker)
                // maintenance (eviction, expiry) runs amortized on the calling threads: bounded work per call
                .executor(Runnable::run)
                .build());
    }

    private static Duration roundUp(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    /** Bucket4j's time from the application clock (so tests can move it). */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
